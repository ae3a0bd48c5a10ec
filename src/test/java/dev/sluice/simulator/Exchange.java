package dev.sluice.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * One request in flight: its arrival time, the endpoint it asked for, and the shared state. It
 * records the arrival once the simulator has decided which status to answer.
 */
final class Exchange {

  private final HttpServerRequest request;
  private final SimulatorState state;
  private final String endpoint;
  private final long arrivalMillis = System.currentTimeMillis();
  private final long arrivalNanos = System.nanoTime();
  private boolean answered;
  private long tokens;

  Exchange(HttpServerRequest request, SimulatorState state, String endpoint) {
    this.request = request;
    this.state = state;
    this.endpoint = endpoint;
  }

  HttpServerRequest request() {
    return request;
  }

  HttpServerResponse response() {
    return request.response();
  }

  SimulatorState state() {
    return state;
  }

  /** The request's tokens, input and output, once its plan is known. */
  void tokens(long tokens) {
    this.tokens = tokens;
  }

  /** Records the arrival with the status it gets; only the first call counts. */
  void answered(int status) {
    if (!answered) {
      answered = true;
      state.arrivals().add(new Arrival(arrivalMillis, arrivalNanos, endpoint, status, tokens));
    }
  }

  /** Answers a whole JSON body. */
  void json(int status, JsonObject body) {
    answered(status);
    if (status == 529) {
      // Vert.x has no reason phrase for Anthropic's non-standard status.
      response().setStatusMessage("Overloaded");
    }
    response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }

  /** Answers a body that is not one JSON object, such as a JSON Lines file. */
  void bytes(int status, String contentType, Buffer body) {
    answered(status);
    response().setStatusCode(status).putHeader("content-type", contentType).end(body);
  }

  /** Breaks the connection without an answer, as a crashed upstream would. */
  void closeConnection() {
    request.connection().close();
  }
}
