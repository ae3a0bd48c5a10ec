package dev.sluice.it;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a plain TCP socket, for what a well-behaved client library will not do:
 * announce a frame of any length and stream its payload, fragment a message into many frames, send
 * binary where text is expected. A reader thread collects the server's frames, so the test sees a
 * close frame even while it is still writing.
 */
final class RawSocket implements AutoCloseable {

  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CONTINUATION = 0x0;
  private static final int CLOSE = 0x8;

  /** Not a real opcode: the connection ended without a close frame (code 1006). */
  private static final int ENDED = -1;

  private static final int CHUNK = 64 * 1024;

  /** A frame the server sent: its opcode and payload. */
  record Frame(int opcode, byte[] payload) {

    int closeCode() {
      if (opcode == ENDED) {
        return 1006;
      }
      return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    String closeReason() {
      return payload.length <= 2
          ? ""
          : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();

  private RawSocket(Socket socket, InputStream in) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    Thread reader = new Thread(() -> readFrames(in), "raw-socket-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the socket and completes the handshake; {@link IOException} unless it answers 101. */
  static RawSocket open(URI uri, String authorization, String origin) throws IOException {
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String request =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\n"
            + "Host: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nOrigin: "
            + origin
            + (authorization == null ? "" : "\r\nAuthorization: " + authorization)
            + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = new BufferedInputStream(socket.getInputStream());
    String status = readHead(in);
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("handshake refused: " + status.lines().findFirst().orElse(""));
    }
    return new RawSocket(socket, in);
  }

  /** Sends one whole frame. */
  void send(int opcode, boolean fin, byte[] payload) throws IOException {
    writeHeader(opcode, fin, payload.length);
    out.write(payload);
    out.flush();
  }

  void sendText(String text) throws IOException {
    send(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Announces a frame of {@code length} bytes and streams that many spaces until the server stops
   * reading or closes; returns how many payload bytes went out.
   */
  long sendFrameOf(int opcode, boolean fin, long length) {
    long written = 0;
    byte[] chunk = new byte[CHUNK];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try {
      writeHeader(opcode, fin, length);
      while (written < length && !closed()) {
        int n = (int) Math.min(chunk.length, length - written);
        out.write(chunk, 0, n);
        written += n;
      }
      out.flush();
    } catch (IOException closedByTheServer) {
      // The server stopped the connection mid-frame: what counts is how much it took.
    }
    return written;
  }

  /**
   * Sends a text message of {@code total} bytes as frames of {@code fragment} bytes until the
   * server closes; returns the bytes sent.
   */
  long sendFragmented(long total, int fragment) {
    byte[] chunk = new byte[fragment];
    java.util.Arrays.fill(chunk, (byte) ' ');
    long written = 0;
    try {
      while (written < total && !closed()) {
        int n = (int) Math.min(fragment, total - written);
        boolean last = written + n >= total;
        writeHeader(written == 0 ? TEXT : CONTINUATION, last, n);
        out.write(chunk, 0, n);
        written += n;
      }
      out.flush();
    } catch (IOException closedByTheServer) {
      // As above.
    }
    return written;
  }

  /** The server's close frame, skipping other frames; empty if none comes within {@code wait}. */
  Optional<Frame> awaitClose(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Frame frame = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (frame == null) {
        return Optional.empty();
      }
      if (frame.opcode() == CLOSE || frame.opcode() == ENDED) {
        return Optional.of(frame);
      }
    }
  }

  /** The next frame, of any kind; empty if none comes within {@code wait}. */
  Optional<Frame> nextFrame(Duration wait) throws InterruptedException {
    return Optional.ofNullable(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private boolean closed() {
    return received.stream().anyMatch(f -> f.opcode() == CLOSE || f.opcode() == ENDED);
  }

  private void writeHeader(int opcode, boolean fin, long length) throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    // Masked, as a client must be; the key is zero, which leaves the payload as it is.
    if (length < 126) {
      out.write(0x80 | (int) length);
    } else if (length <= 0xffff) {
      out.write(0x80 | 126);
      out.write((int) (length >>> 8));
      out.write((int) length);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >>> shift));
      }
    }
    out.write(new byte[4]);
  }

  private void readFrames(InputStream stream) {
    DataInputStream in = new DataInputStream(stream);
    try {
      while (true) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        received.add(new Frame(first & 0x0f, payload));
      }
    } catch (IOException ended) {
      received.add(new Frame(ENDED, new byte[0]));
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
