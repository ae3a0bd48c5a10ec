package dev.sluice.simulator;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.simulated.SimulationPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /v1/chat/completions} as OpenAI documents it: {@code chat.completion.chunk} events
 * (role delta, content deltas, finish chunk, optional usage chunk, {@code [DONE]}) or one {@code
 * chat.completion}, {@code x-ratelimit-*} headers and OpenAI's error bodies.
 */
final class OpenAiEndpoint extends ChatEndpoint {

  OpenAiEndpoint(Vertx vertx) {
    super(vertx);
  }

  @Override
  String requestIdHeader() {
    return "x-request-id";
  }

  @Override
  String requestId(long ordinal) {
    return "req_sim_" + ordinal;
  }

  @Override
  ChatRequest toRequest(JsonObject body) {
    return WireRequests.openAi(body);
  }

  @Override
  void rateLimitHeaders(HttpServerResponse response, RateWindow.Remaining left) {
    response
        .putHeader("x-ratelimit-limit-requests", Long.toString(RateWindow.REQUEST_LIMIT))
        .putHeader("x-ratelimit-remaining-requests", Long.toString(left.requests()))
        .putHeader("x-ratelimit-reset-requests", "1s")
        .putHeader("x-ratelimit-limit-tokens", Long.toString(RateWindow.TOKEN_LIMIT))
        .putHeader("x-ratelimit-remaining-tokens", Long.toString(left.tokens()))
        .putHeader("x-ratelimit-reset-tokens", "1s");
  }

  @Override
  int overloadedStatus() {
    return 503;
  }

  @Override
  JsonObject error(int status, String message) {
    String type =
        switch (status) {
          case 400, 401, 404, 409 -> "invalid_request_error";
          case 429 -> "requests";
          default -> "server_error";
        };
    String code =
        switch (status) {
          case 401 -> "invalid_api_key";
          case 429 -> "rate_limit_exceeded";
          default -> null;
        };
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code));
  }

  @Override
  PacedAnswer.Writer streamWriter(
      Exchange exchange, JsonObject body, SimulationPlan plan, long ordinal) {
    JsonObject options = body.getJsonObject("stream_options");
    // [sim:no-usage] acts out a server that ignores include_usage.
    boolean usage =
        options != null && options.getBoolean("include_usage", false) && plan.reportsUsage();
    return new OpenAiChunks(exchange.response(), plan, envelope(body, ordinal), usage);
  }

  @Override
  JsonObject wholeBody(JsonObject body, SimulationPlan plan, long ordinal) {
    JsonObject message =
        new JsonObject().put("role", "assistant").put("content", plan.text()).putNull("refusal");
    JsonObject choice =
        new JsonObject()
            .put("index", 0)
            .put("message", message)
            .putNull("logprobs")
            .put("finish_reason", finishReason(plan.finishReason()));
    return envelope(body, ordinal)
        .put("object", "chat.completion")
        .put("choices", new JsonArray().add(choice))
        .put("usage", usage(plan));
  }

  static JsonObject envelope(JsonObject body, long ordinal) {
    return new JsonObject()
        .put("id", "chatcmpl-sim-" + ordinal)
        .put("object", "chat.completion.chunk")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", body.getString("model"))
        .put("system_fingerprint", "fp_sim");
  }

  static JsonObject usage(SimulationPlan plan) {
    int output = plan.pieces().size();
    return new JsonObject()
        .put("prompt_tokens", plan.inputTokens())
        .put("completion_tokens", output)
        .put("total_tokens", plan.inputTokens() + output)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 0))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 0));
  }

  static String finishReason(FinishReason reason) {
    return reason == FinishReason.LENGTH ? "length" : "stop";
  }
}
