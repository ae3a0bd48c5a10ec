package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAI and Anthropic wire formats, read raw off the socket. */
class SimulatorServerTest extends SimulatorFixture {

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
  void arrivalsAreListedWithTheirStatusAndTokens() throws Exception {
    HttpResponse<String> answered = post("/v1/chat/completions", openAi("Hello", ""));
    JsonObject usage = new JsonObject(answered.body()).getJsonObject("usage");

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_sim/arrivals")).build(),
            HttpResponse.BodyHandlers.ofString());

    io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray(response.body());
    assertThat(rows).hasSize(1);
    io.vertx.core.json.JsonArray row = rows.getJsonArray(0);
    assertThat(row.getLong(0)).isPositive();
    assertThat(row.getInteger(1)).isEqualTo(200);
    assertThat(row.getLong(2)).isEqualTo(usage.getLong("total_tokens"));
    assertThat(row.getString(3)).isEqualTo("POST /v1/chat/completions");
  }
}
