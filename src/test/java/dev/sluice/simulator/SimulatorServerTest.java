package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.simulated.SimulatorSettings;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {

  static SimulatorServer server;
  static final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    server =
        SimulatorServer.start(
            SimulatorSettings.from(
                Map.of(
                    "first-token-delay", "5ms", "inter-token-delay", "1ms", "output-tokens", "12")),
            0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String openAi(String prompt, String extra) {
    return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
        + "{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]"
        + extra
        + "}";
  }

  static String anthropic(String prompt, String extra) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"Be brief\","
        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
        + prompt
        + "\"}]}]"
        + extra
        + "}";
  }

  @Test
  void openAiStreamSpeaksTheWireFormat() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/chat/completions",
            openAi(
                "Tell me about rivers",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    assertThat(response.headers().firstValue("x-request-id")).isPresent();
    assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
    assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).hasValue("1s");
    List<Sse> events = Sse.parse(response.body());
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    List<JsonObject> chunks =
        events.subList(0, events.size() - 1).stream().map(e -> new JsonObject(e.data())).toList();
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.getString("object")).isEqualTo("chat.completion.chunk"));
    JsonObject role = chunks.get(0).getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
    assertThat(role.getString("role")).isEqualTo("assistant");
    List<JsonObject> contents = chunks.subList(1, chunks.size() - 2);
    assertThat(contents).hasSize(12);
    StringBuilder text = new StringBuilder();
    contents.forEach(
        c ->
            text.append(
                c.getJsonArray("choices")
                    .getJsonObject(0)
                    .getJsonObject("delta")
                    .getString("content")));
    assertThat(text.toString()).startsWith("Simulated answer about \"Tell me about rivers\"");
    JsonObject finish = chunks.get(chunks.size() - 2).getJsonArray("choices").getJsonObject(0);
    assertThat(finish.getString("finish_reason")).isEqualTo("stop");
    assertThat(finish.getJsonObject("delta")).isEmpty();
    JsonObject usageChunk = chunks.get(chunks.size() - 1);
    assertThat(usageChunk.getJsonArray("choices")).isEmpty();
    JsonObject usage = usageChunk.getJsonObject("usage");
    assertThat(usage.getInteger("completion_tokens")).isEqualTo(12);
    assertThat(usage.getInteger("total_tokens")).isEqualTo(usage.getInteger("prompt_tokens") + 12);
    assertThat(usage.getJsonObject("prompt_tokens_details").getInteger("cached_tokens")).isZero();
  }

  @Test
  void openAiWithoutStreamAnswersOneCompletionCappedByMaxTokens() throws Exception {
    HttpResponse<String> response =
        post("/v1/chat/completions", openAi("Hello", ",\"max_tokens\":4"));
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("object")).isEqualTo("chat.completion");
    JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("length");
    assertThat(choice.getJsonObject("message").getString("content"))
        .isEqualTo("Simulated answer about");
    assertThat(body.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(4);
  }

  @Test
  void anthropicStreamSendsTheEventSequence() throws Exception {
    HttpResponse<String> response =
        post("/v1/messages", anthropic("Tell me about rivers", ",\"stream\":true"));
    assertThat(response.headers().firstValue("request-id")).isPresent();
    assertThat(response.headers().firstValue("anthropic-ratelimit-requests-reset").orElseThrow())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    List<Sse> events = Sse.parse(response.body());
    List<String> types = events.stream().map(Sse::event).toList();
    assertThat(types.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
    assertThat(types.subList(3, 15)).containsOnly("content_block_delta").hasSize(12);
    assertThat(types.subList(15, types.size()))
        .containsExactly("content_block_stop", "message_delta", "message_stop");
    events.forEach(
        e -> assertThat(new JsonObject(e.data()).getString("type")).isEqualTo(e.event()));
    JsonObject start = new JsonObject(events.get(0).data()).getJsonObject("message");
    assertThat(start.getJsonObject("usage").getInteger("input_tokens")).isPositive();
    JsonObject delta = new JsonObject(events.get(16).data());
    assertThat(delta.getJsonObject("delta").getString("stop_reason")).isEqualTo("end_turn");
    assertThat(delta.getJsonObject("usage").getInteger("output_tokens")).isEqualTo(12);
  }

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
  void modelsAreListed() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/models")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("object")).isEqualTo("list");
    assertThat(body.getJsonArray("data")).isNotEmpty();
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
            org.assertj.core.groups.Tuple.tuple("POST /v1/chat/completions", 200),
            org.assertj.core.groups.Tuple.tuple("POST /v1/chat/completions", 429),
            org.assertj.core.groups.Tuple.tuple("POST /v1/messages", 200));
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
