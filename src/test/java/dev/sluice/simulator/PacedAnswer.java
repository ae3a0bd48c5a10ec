package dev.sluice.simulator;

import dev.sluice.llm.simulated.PlanPacer;
import dev.sluice.llm.simulated.SimulationPlan;
import io.vertx.core.Vertx;

/**
 * Plays one plan out on an HTTP response, paced by Vert.x timers on the request's event loop. It
 * notices a client that hangs up (its timers are cancelled and the stream counted as closed by the
 * client) and breaks the connection itself when the plan says cut.
 */
final class PacedAnswer implements PlanPacer.Sink {

  /** Writes a protocol's events; every call comes on the event loop. */
  interface Writer {
    /** The response begins (headers and opening events). */
    void open();

    void piece(int index, String piece);

    /** Every piece was written: the closing events, then the end of the response. */
    void end();

    /** A malformed event, then the end of the response. */
    void malformed();
  }

  private final Exchange exchange;
  private final Writer writer;
  private final boolean streaming;
  private final PlanPacer pacer;
  private boolean open;

  PacedAnswer(
      Vertx vertx, Exchange exchange, SimulationPlan plan, Writer writer, boolean streaming) {
    this.exchange = exchange;
    this.writer = writer;
    this.streaming = streaming;
    this.pacer =
        new PlanPacer(plan, (nanos, task) -> timer(vertx, nanos, task), System::nanoTime, this);
  }

  void start() {
    open = true;
    if (streaming) {
      exchange.state().stats().streamOpened();
    }
    exchange.answered(200);
    exchange.response().closeHandler(v -> clientClosed());
    exchange.response().exceptionHandler(e -> clientClosed());
    writer.open();
    pacer.start();
  }

  @Override
  public void piece(int index, String piece) {
    writer.piece(index, piece);
  }

  @Override
  public void end() {
    if (close()) {
      writer.end();
      stats(true);
    }
  }

  @Override
  public void cut(int delivered) {
    if (close()) {
      stats(false);
      exchange.closeConnection();
    }
  }

  @Override
  public void malformed() {
    if (close()) {
      writer.malformed();
      stats(false);
    }
  }

  private void clientClosed() {
    if (close()) {
      pacer.stop();
      if (streaming) {
        exchange.state().stats().streamClosedByClient();
      }
    }
  }

  /** Marks the answer finished; true for the first caller only, so each stream counts once. */
  private boolean close() {
    boolean wasOpen = open;
    open = false;
    return wasOpen;
  }

  private void stats(boolean completed) {
    if (!streaming) {
      return;
    }
    if (completed) {
      exchange.state().stats().streamCompleted();
    } else {
      exchange.state().stats().streamCut();
    }
  }

  private static Runnable timer(Vertx vertx, long delayNanos, Runnable task) {
    // Vert.x timers count whole milliseconds, at least one.
    long millis = Math.max(1, (delayNanos + 999_999) / 1_000_000);
    long id = vertx.setTimer(millis, t -> task.run());
    return () -> vertx.cancelTimer(id);
  }
}
