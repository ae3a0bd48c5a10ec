package dev.sluice.simulator;

import dev.sluice.testing.Poll;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;

/**
 * One simulator with an API key and small batch limits for a batch test class, reset before each
 * test, and HTTP helpers that send the key. Batches take ten seconds unless a test gives its own
 * time, so a test that needs a batch still running has one, and a test that needs it ended names a
 * short time.
 */
abstract class BatchFixture extends SimulatorFixture {

  static final String KEY = "sk-sim-batch";
  static final int MAX_REQUESTS = 5;
  static final long MAX_BYTES = 4096;

  /** Hides the plain fixture's start: this simulator has a key and small batch limits. */
  @BeforeAll
  static void start() {
    server =
        SimulatorServer.start(
            quick(),
            0,
            KEY,
            BatchSettings.defaults()
                .withProcessingTime(Duration.ofSeconds(10))
                .withOpenAiLimits(MAX_REQUESTS, MAX_BYTES)
                .withAnthropicLimits(MAX_REQUESTS, MAX_BYTES));
  }

  static HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  static HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A request without the API key. */
  static HttpResponse<String> anonymous(String method, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    return send(request);
  }

  static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }

  /** The JSON Lines of a body, one object each. */
  static List<JsonObject> lines(String body) {
    return Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).map(JsonObject::new).toList();
  }

  /** Reads {@code path} until its JSON satisfies {@code done}; fails after 30 s. */
  static JsonObject pollUntil(String path, Predicate<JsonObject> done, String what) {
    return Poll.until(
        () -> Optional.of(json(get(path))).filter(done),
        () -> what + " at " + path + ", last " + get(path).body());
  }

  private static HttpRequest.Builder request(String path) {
    // Both headers, so one helper serves both providers' key checks.
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("authorization", "Bearer " + KEY)
        .header("x-api-key", KEY);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
