package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Utf8StreamDecoder}: any bytes, valid UTF-8 or not, cut anywhere, decode to the same
 * text as the whole body decoded at once (malformed bytes as U+FFFD), and every chunk is used up.
 * The chunks are windows into one array, as the HTTP client's buffers often are.
 */
class Utf8StreamDecoderFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void chunksDecodeToTheTextOfTheWholeBody(FuzzedDataProvider data) {
    int[] lengths = FuzzPieces.lengths(data);
    byte[] body = data.consumeRemainingAsBytes();

    Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    StringBuilder text = new StringBuilder();
    int at = 0;
    for (byte[] piece : FuzzPieces.cut(body, lengths)) {
      ByteBuffer chunk = ByteBuffer.wrap(body, at, piece.length);
      at += piece.length;
      text.append(decoder.decode(chunk));
      assertThat(chunk.hasRemaining()).as("chunk left unread").isFalse();
    }
    text.append(decoder.finish());

    assertThat(text.toString()).isEqualTo(new String(body, StandardCharsets.UTF_8));
  }
}
