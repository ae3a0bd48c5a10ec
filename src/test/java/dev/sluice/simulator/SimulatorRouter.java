package dev.sluice.simulator;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Sends each request to its endpoint, after checking the API key when one is set. The {@code /_sim}
 * paths (stats, arrivals, batch counts, reset) are for tests and benchmarks and are neither counted
 * nor logged.
 */
final class SimulatorRouter implements Handler<HttpServerRequest> {

  private final SimulatorState state;
  private final OpenAiEndpoint openAi;
  private final AnthropicEndpoint anthropic;
  private final TranscriptionEndpoint transcription;
  private final OpenAiBatches openAiBatches;
  private final AnthropicBatches anthropicBatches;

  SimulatorRouter(Vertx vertx, SimulatorState state) {
    this.state = state;
    this.openAi = new OpenAiEndpoint(vertx);
    this.anthropic = new AnthropicEndpoint(vertx);
    this.transcription = new TranscriptionEndpoint(vertx, openAi);
    this.openAiBatches = new OpenAiBatches(openAi);
    this.anthropicBatches = new AnthropicBatches(anthropic);
  }

  @Override
  public void handle(HttpServerRequest request) {
    String path = request.path();
    if (path.startsWith("/_sim/")) {
      control(request, path);
      return;
    }
    state.stats().requestArrived();
    Exchange exchange = new Exchange(request, state, request.method() + " " + path);
    // Anthropic's paths all start with /v1/messages (batches too); a refusal speaks its format.
    ChatEndpoint format = path.startsWith("/v1/messages") ? anthropic : openAi;
    if (!authorised(request)) {
      format.unauthorized(exchange);
    } else if (post(request, "/v1/chat/completions") || post(request, "/v1/messages")) {
      request.body().onSuccess(body -> format.handle(exchange, body));
    } else if (openAiBatches.handle(exchange) || anthropicBatches.handle(exchange)) {
      // answered by the batch APIs
    } else if (post(request, "/v1/audio/transcriptions")) {
      transcription.handle(exchange);
    } else if (request.method() == HttpMethod.GET && path.equals("/v1/models")) {
      exchange.json(200, models());
    } else {
      exchange.json(
          404, openAi.error(404, "Unknown request URL: " + request.method() + " " + path));
    }
  }

  private void control(HttpServerRequest request, String path) {
    if (request.method() == HttpMethod.GET && path.equals("/_sim/stats")) {
      request
          .response()
          .putHeader("content-type", "application/json")
          .end(state.stats().snapshot().toJson().encode());
    } else if (request.method() == HttpMethod.GET && path.equals("/_sim/arrivals")) {
      request.response().putHeader("content-type", "application/json").end(arrivals().encode());
    } else if (request.method() == HttpMethod.GET && path.equals("/_sim/batches")) {
      request
          .response()
          .putHeader("content-type", "application/json")
          .end(state.batches().sizes().encode());
    } else if (post(request, "/_sim/reset")) {
      state.reset();
      request.response().setStatusCode(204).end();
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /**
   * The kept arrivals as {@code [epochMillis, status, tokens, endpoint]} rows, oldest first: what a
   * benchmark in another process checks a budget against, as the provider would see it.
   */
  private JsonArray arrivals() {
    JsonArray rows = new JsonArray();
    for (Arrival a : state.arrivals().snapshot()) {
      rows.add(
          new JsonArray().add(a.epochMillis()).add(a.status()).add(a.tokens()).add(a.endpoint()));
    }
    return rows;
  }

  private boolean authorised(HttpServerRequest request) {
    String key = state.apiKey();
    return key == null
        || ("Bearer " + key).equals(request.getHeader("authorization"))
        || key.equals(request.getHeader("x-api-key"));
  }

  private static boolean post(HttpServerRequest request, String path) {
    return request.method() == HttpMethod.POST && request.path().equals(path);
  }

  private static JsonObject models() {
    JsonArray data = new JsonArray();
    for (String id : new String[] {"sim-chat", "gpt-4o-mini", "claude-sonnet-4-5", "whisper-1"}) {
      data.add(
          new JsonObject()
              .put("id", id)
              .put("object", "model")
              .put("created", 1_700_000_000L)
              .put("owned_by", "sluice-simulator"));
    }
    return new JsonObject().put("object", "list").put("data", data);
  }
}
