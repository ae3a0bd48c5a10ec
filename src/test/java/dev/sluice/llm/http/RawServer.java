package dev.sluice.llm.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A one-connection HTTP/1.1 server on a raw socket: it reads the request, optionally answers with
 * headers and one chunk, then sends nothing more and waits for the client to close the socket. It
 * shows that the client itself closed the connection, with no write needed to find out.
 */
public final class RawServer implements AutoCloseable {

  private final ServerSocket listener;
  private final Thread thread;

  /** Completes when the whole request has arrived. */
  public final CompletableFuture<Void> requestReceived = new CompletableFuture<>();

  /** Completes when the client closed its end of the connection. */
  public final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

  /**
   * @param firstChunk null to never answer; else headers and this chunk of a chunked SSE body
   */
  public RawServer(String firstChunk) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(firstChunk), "raw-server");
    thread.setDaemon(true);
    thread.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v1");
  }

  private void serve(String firstChunk) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      readRequest(in);
      requestReceived.complete(null);
      if (firstChunk != null) {
        answer(socket.getOutputStream(), firstChunk);
      }
      while (in.read() >= 0) {
        // The client sends nothing more; reading only waits for its close.
      }
      clientClosed.complete(null);
    } catch (IOException closed) {
      clientClosed.complete(null);
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      head.write(b);
    }
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      }
    }
  }

  private static void answer(OutputStream out, String chunk) throws IOException {
    byte[] data = chunk.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(data.length)
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    thread.interrupt();
  }
}
