package dev.sluice.llm.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of byte chunks into text, one chunk at a time. The bytes of a multi-byte character
 * split between two network reads are held back until the rest arrives. Not thread-safe: one
 * decoder per stream, fed in order.
 */
public final class Utf8StreamDecoder {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer pending = EMPTY;

  /** Decodes as much of the chunk as forms whole characters; consumes the chunk. */
  public String decode(ByteBuffer chunk) {
    ByteBuffer in = pending.hasRemaining() ? join(pending, chunk) : chunk;
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, out, false);
    pending = in.hasRemaining() ? copy(in) : EMPTY;
    return out.flip().toString();
  }

  /** Ends the stream: bytes of an incomplete character left over become U+FFFD. */
  public String finish() {
    CharBuffer out = CharBuffer.allocate(pending.remaining() + 2);
    decoder.decode(pending, out, true);
    decoder.flush(out);
    pending = EMPTY;
    decoder.reset();
    return out.flip().toString();
  }

  private static ByteBuffer join(ByteBuffer head, ByteBuffer tail) {
    ByteBuffer joined = ByteBuffer.allocate(head.remaining() + tail.remaining());
    return joined.put(head).put(tail).flip();
  }

  private static ByteBuffer copy(ByteBuffer rest) {
    ByteBuffer copy = ByteBuffer.allocate(rest.remaining());
    return copy.put(rest).flip();
  }
}
