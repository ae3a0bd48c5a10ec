package dev.sluice.it.corpus;

import dev.sluice.it.Credentials;
import dev.sluice.it.corpus.Verdict.Fault;
import dev.sluice.it.corpus.Verdict.Finding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Sends spoiled frames to the chat and batch WebSockets: garbage, wrong types, binary, and messages
 * far over any sane size. A socket may answer or close, but only with a proper code: never 1011
 * (server error) or a dropped connection, an oversized frame closed with 1009, and no internals in
 * a close reason.
 */
final class SocketFrames {

  private static final List<Integer> PROPER = List.of(1000, 1003, 1007, 1008, 1009);

  private final URI base;
  private final Credentials user;
  private final HttpClient client = HttpClient.newHttpClient();

  SocketFrames(URI base, Credentials user) {
    this.base = base;
    this.user = user;
  }

  static List<SocketCase> cases(Fixtures fixtures) {
    List<SocketCase> cases = new ArrayList<>();
    for (String path :
        List.of("/ws/chats/" + fixtures.chatId(), "/ws/batches/" + fixtures.batchId())) {
      cases.add(SocketCase.text("not json", path, "not json"));
      cases.add(SocketCase.text("array", path, "[]"));
      cases.add(SocketCase.text("type a number", path, "{\"type\":1}"));
      cases.add(
          SocketCase.text("messageId a number", path, "{\"type\":\"resume\",\"messageId\":1}"));
      cases.add(
          SocketCase.text(
              "afterSeq a string",
              path,
              "{\"type\":\"resume\",\"messageId\":\"x\",\"afterSeq\":\"a\"}"));
      cases.add(
          SocketCase.text(
              "afterSeq huge",
              path,
              "{\"type\":\"resume\",\"messageId\":\"x\",\"afterSeq\":1e400}"));
      cases.add(
          SocketCase.text(
              "afterSeq past BigDecimal",
              path,
              "{\"type\":\"resume\",\"messageId\":\"x\",\"afterSeq\":1e99999999999}"));
      cases.add(
          SocketCase.text(
              "messageId with NUL", path, "{\"type\":\"resume\",\"messageId\":\"a\\u0000b\"}"));
      cases.add(SocketCase.text("unicode", path, "\u6f22\uD83D\uDE00\u0000"));
      cases.add(new SocketCase("binary", path, null, ByteBuffer.wrap(new byte[1024]), false));
      cases.add(
          new SocketCase(
              "8 MiB resume",
              path,
              "{\"type\":\"resume\",\"messageId\":\"x\",\"pad\":\"" + "p".repeat(8 << 20) + "\"}",
              null,
              true));
    }
    return cases;
  }

  List<Finding> send(SocketCase c) {
    Listener listener = new Listener();
    WebSocket socket;
    try {
      socket =
          client
              .newWebSocketBuilder()
              .header("Authorization", user.header())
              .header("Origin", base.getScheme() + "://" + base.getAuthority())
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(URI.create("ws://" + base.getAuthority() + c.path()), listener)
              .get(10, TimeUnit.SECONDS);
    } catch (Exception refused) {
      return List.of(new Finding(Fault.NO_ANSWER, "handshake failed: " + refused));
    }
    try {
      CompletableFuture<WebSocket> sent =
          c.text() != null ? socket.sendText(c.text(), true) : socket.sendBinary(c.binary(), true);
      sent.get(30, TimeUnit.SECONDS);
    } catch (Exception cut) {
      // The server may close while a big frame is still going out; the close code tells.
    }
    return judge(c, socket, listener);
  }

  private static List<Finding> judge(SocketCase c, WebSocket socket, Listener listener) {
    List<Finding> findings = new ArrayList<>();
    Integer code = listener.awaitClose();
    if (code == null && !socket.isInputClosed()) {
      socket.abort();
      if (c.tooBig()) {
        findings.add(
            new Finding(Fault.ACCEPTED, "an oversized frame was read, not closed with 1009"));
      }
      return findings;
    }
    if (code == null || code == 1006) {
      // An oversized frame is refused unread, and closing on unread bytes makes TCP reset the
      // connection, which can discard the 1009 close frame before the client reads it (one in
      // about eight runs on PostgreSQL). Refused all the same; any other case must say why.
      if (!c.tooBig()) {
        findings.add(new Finding(Fault.NO_ANSWER, "connection dropped without a close frame"));
      }
    } else if (code == 1011 || !PROPER.contains(code)) {
      findings.add(new Finding(Fault.SERVER_ERROR, "closed with " + code));
    } else if (c.tooBig() && code != 1009) {
      findings.add(new Finding(Fault.ACCEPTED, "oversized frame closed with " + code));
    }
    if (listener.reason != null && Verdict.INTERNALS.matcher(listener.reason).find()) {
      findings.add(new Finding(Fault.INTERNALS, listener.reason));
    }
    return findings;
  }

  /** Takes frames as they come and notes the close. */
  private static final class Listener implements WebSocket.Listener {
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String reason;

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String why) {
      reason = why;
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.complete(null);
    }

    /** The close code within 3 s; {@code null} when the socket stayed open or simply broke. */
    Integer awaitClose() {
      try {
        return closed.get(3, TimeUnit.SECONDS);
      } catch (Exception stillOpen) {
        return null;
      }
    }
  }
}
