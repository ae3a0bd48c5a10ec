package dev.sluice.simulator;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.simulated.SimulationPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /v1/messages} as Anthropic documents it: the named event sequence from {@code
 * message_start} to {@code message_stop} or one {@code message}, {@code anthropic-ratelimit-*}
 * headers, 529 for overload and Anthropic's error bodies.
 */
final class AnthropicEndpoint extends ChatEndpoint {

  AnthropicEndpoint(Vertx vertx) {
    super(vertx);
  }

  @Override
  String requestIdHeader() {
    return "request-id";
  }

  @Override
  String requestId(long ordinal) {
    return "req_sim_" + ordinal;
  }

  @Override
  ChatRequest toRequest(JsonObject body) {
    return WireRequests.anthropic(body);
  }

  @Override
  void rateLimitHeaders(HttpServerResponse response, RateWindow.Remaining left) {
    String reset = left.resetAt().toString();
    response
        .putHeader("anthropic-ratelimit-requests-limit", Long.toString(RateWindow.REQUEST_LIMIT))
        .putHeader("anthropic-ratelimit-requests-remaining", Long.toString(left.requests()))
        .putHeader("anthropic-ratelimit-requests-reset", reset)
        .putHeader("anthropic-ratelimit-tokens-limit", Long.toString(RateWindow.TOKEN_LIMIT))
        .putHeader("anthropic-ratelimit-tokens-remaining", Long.toString(left.tokens()))
        .putHeader("anthropic-ratelimit-tokens-reset", reset);
  }

  @Override
  int overloadedStatus() {
    return 529;
  }

  @Override
  JsonObject error(int status, String message) {
    String type =
        switch (status) {
          case 400 -> "invalid_request_error";
          case 401 -> "authentication_error";
          case 404 -> "not_found_error";
          case 413 -> "request_too_large";
          case 429 -> "rate_limit_error";
          case 529 -> "overloaded_error";
          default -> "api_error";
        };
    return new JsonObject()
        .put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", message));
  }

  @Override
  PacedAnswer.Writer streamWriter(
      Exchange exchange, JsonObject body, SimulationPlan plan, long ordinal) {
    return new AnthropicEvents(exchange.response(), plan, message(body, ordinal, plan));
  }

  @Override
  JsonObject wholeBody(JsonObject body, SimulationPlan plan, long ordinal) {
    return message(body, ordinal, plan)
        .put(
            "content",
            new JsonArray().add(new JsonObject().put("type", "text").put("text", plan.text())))
        .put("stop_reason", stopReason(plan.finishReason()))
        .put(
            "usage",
            new JsonObject()
                .put("input_tokens", plan.inputTokens())
                .put("output_tokens", plan.pieces().size()));
  }

  /** The message object as {@code message_start} carries it: no content, no stop reason yet. */
  private static JsonObject message(JsonObject body, long ordinal, SimulationPlan plan) {
    JsonObject message =
        new JsonObject()
            .put("id", "msg_sim_" + ordinal)
            .put("type", "message")
            .put("role", "assistant")
            .put("content", new JsonArray())
            .put("model", body.getString("model"))
            .putNull("stop_reason")
            .putNull("stop_sequence");
    if (plan.reportsUsage()) {
      message.put(
          "usage",
          new JsonObject().put("input_tokens", plan.inputTokens()).put("output_tokens", 1));
    }
    return message;
  }

  static String stopReason(FinishReason reason) {
    return reason == FinishReason.LENGTH ? "max_tokens" : "end_turn";
  }
}
