package dev.sluice.simulator;

import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * A non-streamed answer: nothing is written while the plan plays (the client waits as long as the
 * whole generation takes), then one JSON body, or a body that is not JSON when the plan is
 * malformed.
 */
final class WholeAnswer implements PacedAnswer.Writer {

  private final Exchange exchange;
  private final Supplier<JsonObject> body;

  WholeAnswer(Exchange exchange, Supplier<JsonObject> body) {
    this.exchange = exchange;
    this.body = body;
  }

  @Override
  public void open() {
    // The status and body go out together at the end.
  }

  @Override
  public void piece(int index, String piece) {
    // Pieces are only timed here; the body holds them all.
  }

  @Override
  public void end() {
    exchange.json(200, body.get());
  }

  @Override
  public void malformed() {
    exchange
        .response()
        .setStatusCode(200)
        .putHeader("content-type", "application/json")
        .end("{not json");
  }
}
