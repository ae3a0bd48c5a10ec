package dev.sluice.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The baseline's client: the same JDK HttpClient and callback threads as {@link ChatClient}, asking
 * the simulator for a streamed chat completion as Sluice's OpenAI adapter does ({@code POST
 * /v1/chat/completions}, {@code "stream": true}, the bench API key), the events parsed here.
 */
final class DirectClient {

  private final HttpClient http;
  private final URI completions;

  DirectClient(URI simulator, Executor executor) {
    this.completions = simulator.resolve("/v1/chat/completions");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
  }

  /** Sends one question; the probe times it and reads its stream. Returns without waiting. */
  CompletableFuture<Void> stream(String question, DirectProbe probe) {
    String body =
        Json.createObjectBuilder()
            .add("model", BenchServer.MODEL)
            .add("stream", true)
            .add("stream_options", Json.createObjectBuilder().add("include_usage", true))
            .add(
                "messages",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("role", "user").add("content", question)))
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(completions)
            .header("Authorization", "Bearer " + BenchServer.API_KEY)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    probe.posting();
    return http.sendAsync(request, probe::headers)
        .<Void>thenApply(response -> null)
        .whenComplete(
            (nothing, error) -> {
              if (error != null) {
                probe.failed(error);
              }
            });
  }
}
