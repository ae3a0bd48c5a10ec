package dev.sluice.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What a chat page does, over the JDK's non-blocking HTTP client: create a chat, watch it on the
 * WebSocket, ask a question. Signs in with HTTP Basic on every call, the socket's handshake too,
 * and sends the server's own {@code Origin} there as a page served by Sluice would.
 */
final class ChatClient {

  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final String model;

  ChatClient(URI base, String user, String password, Executor executor) {
    this(base, user, password, executor, BenchServer.MODEL);
  }

  /** A client whose chats use {@code model}; null: the server's default model. */
  ChatClient(URI base, String user, String password, Executor executor, String model) {
    this.model = model;
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Creates a chat; completes with its id. */
  CompletableFuture<String> createChat(String title) {
    var chat = Json.createObjectBuilder().add("title", title);
    if (model != null) {
      chat.add("model", model);
    }
    String body = chat.build().toString();
    return post("/api/chats", body)
        .thenApply(
            response -> {
              if (response.statusCode() != 201) {
                throw new IllegalStateException(
                    "POST /api/chats: " + response.statusCode() + " " + response.body());
              }
              return Json.createReader(new java.io.StringReader(response.body()))
                  .readObject()
                  .getString("id");
            });
  }

  CompletableFuture<WebSocket> watch(String chatId, WebSocket.Listener listener) {
    URI socket = URI.create("ws://" + base.getAuthority() + "/ws/chats/" + chatId);
    return http.newWebSocketBuilder()
        .header("Authorization", authorization)
        .header("Origin", base.toString())
        .connectTimeout(Duration.ofSeconds(30))
        .buildAsync(socket, listener);
  }

  /** Asks a question at high priority; the response is the 202 with the queued answer. */
  CompletableFuture<HttpResponse<String>> ask(String chatId, String content) {
    String body =
        Json.createObjectBuilder()
            .add("content", content)
            .add("priority", "high")
            .build()
            .toString();
    return post("/api/chats/" + chatId + "/messages", body);
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
