package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Faults in each provider's format, and what the simulator records about them. */
class SimulatorFaultsTest extends SimulatorFixture {

  @Test
  void rateLimitedAnswersCarryRetryHeadersAndTheProvidersErrorBody() throws Exception {
    HttpResponse<String> openAi =
        post("/v1/chat/completions", openAi("hi [sim:rate-limit retry-after=3]", ""));
    assertThat(openAi.statusCode()).isEqualTo(429);
    assertThat(openAi.headers().firstValue("retry-after")).hasValue("3");
    assertThat(openAi.headers().firstValue("retry-after-ms")).hasValue("3000");
    assertThat(openAi.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
    assertThat(new JsonObject(openAi.body()).getJsonObject("error").getString("code"))
        .isEqualTo("rate_limit_exceeded");
    HttpResponse<String> anthropic = post("/v1/messages", anthropic("hi [sim:rate-limit]", ""));
    assertThat(anthropic.statusCode()).isEqualTo(429);
    assertThat(anthropic.headers().firstValue("retry-after")).hasValue("2");
    assertThat(new JsonObject(anthropic.body()).getJsonObject("error").getString("type"))
        .isEqualTo("rate_limit_error");
  }

  @Test
  void serverErrorsAndOverload() throws Exception {
    assertThat(post("/v1/chat/completions", openAi("[sim:server-error]", "")).statusCode())
        .isEqualTo(500);
    assertThat(post("/v1/chat/completions", openAi("[sim:overloaded]", "")).statusCode())
        .isEqualTo(503);
    HttpResponse<String> anthropic = post("/v1/messages", anthropic("[sim:overloaded]", ""));
    assertThat(anthropic.statusCode()).isEqualTo(529);
    assertThat(new JsonObject(anthropic.body()).getJsonObject("error").getString("type"))
        .isEqualTo("overloaded_error");
    assertThat(post("/v1/chat/completions", "{\"messages\":[]}").statusCode()).isEqualTo(400);
  }

  @Test
  void malformedEventIsNotJson() throws Exception {
    HttpResponse<String> response =
        post("/v1/chat/completions", openAi("[sim:malformed]", ",\"stream\":true"));
    assertThat(Sse.parse(response.body()).get(1).data()).isEqualTo("{not json");
  }

  @Test
  void arrivalsAndStatsAreRecorded() throws Exception {
    long before = System.currentTimeMillis();
    post("/v1/chat/completions", openAi("one", ""));
    post("/v1/chat/completions", openAi("two [sim:rate-limit]", ""));
    post("/v1/messages", anthropic("three", ",\"stream\":true"));
    List<Arrival> arrivals = server.arrivals();
    assertThat(arrivals)
        .extracting(Arrival::endpoint, Arrival::status)
        .containsExactlyInAnyOrder(
            Tuple.tuple("POST /v1/chat/completions", 200),
            Tuple.tuple("POST /v1/chat/completions", 429),
            Tuple.tuple("POST /v1/messages", 200));
    assertThat(arrivals)
        .allSatisfy(a -> assertThat(a.epochMillis()).isBetween(before, System.currentTimeMillis()));
    HttpResponse<String> stats =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sim/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject json = new JsonObject(stats.body());
    assertThat(json.getLong("requests")).isEqualTo(3);
    assertThat(json.getLong("streamsCompleted")).isEqualTo(1);
    assertThat(json.getLong("streamsOpen")).isZero();
    assertThat(post("/_sim/reset", "").statusCode()).isEqualTo(204);
    assertThat(server.stats().requests()).isZero();
    assertThat(server.arrivals()).isEmpty();
  }
}
