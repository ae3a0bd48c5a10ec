package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.simulated.SimulatorSettings;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many streams at once all finish whole; a smoke test, not a benchmark: nothing is timed. */
class SimulatorScaleSmokeTest {

  private static final int STREAMS = 500;
  private static final int TOKENS = 20;

  @Test
  void fiveHundredConcurrentStreamsAllComplete() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (SimulatorServer server =
        SimulatorServer.start(
            SimulatorSettings.from(
                Map.of(
                    "first-token-delay", "100ms",
                    "inter-token-delay", "10ms",
                    "output-tokens", Integer.toString(TOKENS))),
            0)) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < STREAMS; i++) {
        String body =
            "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"question "
                + i
                + "\"}]}";
        calls.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        List<Sse> events = Sse.parse(call.join().body());
        assertThat(events).hasSize(TOKENS + 4);
        JsonObject usage = new JsonObject(events.get(TOKENS + 2).data()).getJsonObject("usage");
        assertThat(usage.getInteger("completion_tokens")).isEqualTo(TOKENS);
      }
      assertThat(server.stats().streamsCompleted()).isEqualTo(STREAMS);
      assertThat(server.stats().peakOpenStreams()).isGreaterThan(1);
    }
  }
}
