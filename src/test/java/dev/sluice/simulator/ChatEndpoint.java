package dev.sluice.simulator;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.simulated.SimulationPlan;
import dev.sluice.llm.simulated.SimulatorSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The steps both chat protocols share: read the body into a request, resolve its plan, send the
 * rate-limit headers, then answer the plan's fault or play its answer, streamed or whole. Each
 * protocol supplies its body format, headers and events. Batches ask for the whole answer at once
 * ({@link #wholeAnswer}), so a batch item is answered as the same request sent alone.
 */
abstract class ChatEndpoint {

  /**
   * A non-streamed answer decided without a connection: its status and JSON body.
   *
   * @param status 200, or the status of the fault or of the refused request
   * @param body the protocol's answer, or its error body
   */
  record Answered(int status, JsonObject body) {}

  protected final Vertx vertx;

  ChatEndpoint(Vertx vertx) {
    this.vertx = vertx;
  }

  void handle(Exchange exchange, Buffer body) {
    SimulatorState state = exchange.state();
    long ordinal = state.nextOrdinal();
    exchange.response().putHeader(requestIdHeader(), requestId(ordinal));
    JsonObject json;
    SimulationPlan plan;
    try {
      json = body.toJsonObject();
      plan = SimulationPlan.of(state.settings(), toRequest(json), ordinal);
    } catch (RuntimeException e) {
      // Any unreadable body is the caller's mistake, as a real API would say with a 400.
      exchange.json(400, error(400, "invalid request: " + e.getMessage()));
      return;
    }
    long tokens = plan.inputTokens() + plan.pieces().size();
    exchange.tokens(tokens);
    RateWindow.Remaining left = state.rateWindow().take(tokens);
    boolean limited = plan.fault() == SimulationPlan.Fault.RATE_LIMITED;
    rateLimitHeaders(
        exchange.response(), limited ? new RateWindow.Remaining(0, 0, left.resetAt()) : left);
    switch (plan.fault()) {
      case RATE_LIMITED -> rateLimited(exchange, plan);
      case SERVER_ERROR -> exchange.json(500, error(500, "The server had an error."));
      case OVERLOADED -> exchange.json(overloadedStatus(), error(overloadedStatus(), "Overloaded"));
      default -> answer(exchange, json, plan, ordinal);
    }
  }

  /**
   * What the non-streamed request {@code body} would be answered, with {@code ordinal} as its
   * request number. Only a connection can be cut or sent a malformed body, so a batch item planned
   * to be cut or malformed gets the 500 a server error gets; a slow first token changes nothing.
   */
  Answered wholeAnswer(SimulatorSettings settings, JsonObject body, long ordinal) {
    SimulationPlan plan;
    try {
      plan = SimulationPlan.of(settings, toRequest(body), ordinal);
    } catch (RuntimeException e) {
      return new Answered(400, error(400, "invalid request: " + e.getMessage()));
    }
    return switch (plan.fault()) {
      case RATE_LIMITED ->
          new Answered(
              429,
              error(
                  429, "Rate limit reached; retry after " + plan.retryAfter().toMillis() + " ms."));
      case SERVER_ERROR, CUT, MALFORMED ->
          new Answered(500, error(500, "The server had an error."));
      case OVERLOADED -> new Answered(overloadedStatus(), error(overloadedStatus(), "Overloaded"));
      default -> new Answered(200, wholeBody(body, plan, ordinal));
    };
  }

  private void answer(Exchange exchange, JsonObject json, SimulationPlan plan, long ordinal) {
    boolean streaming = json.getBoolean("stream", false);
    PacedAnswer.Writer writer =
        streaming
            ? streamWriter(exchange, json, plan, ordinal)
            : wholeWriter(exchange, json, plan, ordinal);
    new PacedAnswer(vertx, exchange, plan, writer, streaming).start();
  }

  private void rateLimited(Exchange exchange, SimulationPlan plan) {
    long millis = plan.retryAfter().toMillis();
    exchange
        .response()
        .putHeader("retry-after", Long.toString((millis + 999) / 1000))
        .putHeader("retry-after-ms", Long.toString(millis));
    exchange.json(429, error(429, "Rate limit reached; retry after " + millis + " ms."));
  }

  /** Answers 401 in this protocol's error format. */
  void unauthorized(Exchange exchange) {
    exchange.json(401, error(401, "Invalid API key provided."));
  }

  abstract String requestIdHeader();

  abstract String requestId(long ordinal);

  abstract ChatRequest toRequest(JsonObject body);

  abstract void rateLimitHeaders(HttpServerResponse response, RateWindow.Remaining left);

  abstract int overloadedStatus();

  abstract JsonObject error(int status, String message);

  abstract PacedAnswer.Writer streamWriter(
      Exchange exchange, JsonObject body, SimulationPlan plan, long ordinal);

  /** The whole answer's body, written once the plan has played. */
  PacedAnswer.Writer wholeWriter(
      Exchange exchange, JsonObject body, SimulationPlan plan, long ordinal) {
    return new WholeAnswer(exchange, () -> wholeBody(body, plan, ordinal));
  }

  /** The protocol's non-streamed answer: one completion or one message, with its usage. */
  abstract JsonObject wholeBody(JsonObject body, SimulationPlan plan, long ordinal);

  /** Starts a server-sent events response. */
  static void openEventStream(HttpServerResponse response) {
    response
        .setChunked(true)
        .setStatusCode(200)
        .putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache");
  }
}
