package dev.sluice.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One intake client against Sluice: its own chat, watched on its socket before the first question,
 * and one question at a time. The next question goes out as soon as the first chunk of an answer
 * not seen before arrives (the previous answer's remaining chunks stream on meanwhile), or when the
 * question was refused or its answer ended without a chunk.
 */
final class SluiceLane implements ClosedLoop.Lane, WebSocket.Listener {

  /** After a refusal, a pause before asking again, so a failing server is not flooded. */
  private static final long RETRY_MILLIS = 50;

  private final ChatClient client;
  private final ClosedLoop loop;
  private final String question;
  private final StringBuilder frame = new StringBuilder();

  /** Answers whose first chunk (or end) arrived; touched only by the socket's callbacks. */
  private final Set<String> seen = new HashSet<>();

  private volatile String chatId;
  private volatile long sentNanos;
  private volatile String current;
  private CompletableFuture<WebSocket> socket;

  SluiceLane(ChatClient client, ClosedLoop loop, String question) {
    this.client = client;
    this.loop = loop;
    this.question = question;
  }

  /** Creates the lane's chat and opens its socket. */
  CompletableFuture<WebSocket> open(String title) {
    socket =
        client
            .createChat(title)
            .thenCompose(
                id -> {
                  chatId = id;
                  return client.watch(id, this);
                });
    return socket;
  }

  @Override
  public void ask() {
    loop.asked();
    sentNanos = System.nanoTime();
    client.ask(chatId, question).whenComplete(this::posted);
  }

  private void posted(HttpResponse<String> response, Throwable error) {
    long now = System.nanoTime();
    boolean ok = error == null && response.statusCode() == 202;
    loop.accepted(ok, sentNanos, now);
    if (ok) {
      current =
          Json.createReader(new StringReader(response.body()))
              .readObject()
              .getJsonObject("assistantMessage")
              .getString("id");
    } else if (loop.failed(now)) {
      CompletableFuture.runAsync(
          this::ask, CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    long now = System.nanoTime();
    frame.append(data);
    if (last) {
      JsonObject json = Json.createReader(new StringReader(frame.toString())).readObject();
      frame.setLength(0);
      on(webSocket, json, now);
    }
    webSocket.request(1);
    return null;
  }

  private void on(WebSocket webSocket, JsonObject json, long now) {
    String type = json.getString("type", "");
    String id = json.containsKey("messageId") ? json.getString("messageId", null) : null;
    switch (type) {
      case "chunk", "completed" -> {
        if (seen.add(id) && loop.started(sentNanos, now)) {
          ask();
        }
      }
      case "failed", "interrupted", "cancelled" -> {
        if (seen.add(id) && loop.failed(now)) {
          ask();
        }
      }
      case "resync" -> {
        // The server dropped this socket's backlog: replay the answer still awaited.
        String awaited = id != null ? id : current;
        if (awaited != null && !seen.contains(awaited)) {
          String resume =
              Json.createObjectBuilder()
                  .add("type", "resume")
                  .add("messageId", awaited)
                  .add("afterSeq", 0)
                  .build()
                  .toString();
          webSocket.sendText(resume, true);
        }
      }
      default -> {
        // "status" frames announce nothing the chunks do not show.
      }
    }
  }

  /** Closes the lane's socket. */
  void close() {
    if (socket != null) {
      socket.thenCompose(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }
  }
}
