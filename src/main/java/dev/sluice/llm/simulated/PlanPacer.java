package dev.sluice.llm.simulated;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Delivers a plan's pieces at the plan's pace on a caller's timer: one timer task per tick, and
 * each tick hands over every piece that has come due, so a late timer catches up instead of
 * drifting. No thread waits between pieces. Ticks run one after another; {@link #stop()} may come
 * from any thread.
 */
public final class PlanPacer {

  /** Runs a task after a delay and returns a way to cancel it. */
  @FunctionalInterface
  public interface Timer {
    Runnable schedule(long delayNanos, Runnable task);
  }

  /** Hears what the plan does, on the timer's thread. */
  public interface Sink {
    /** The piece at {@code index} is due. */
    void piece(int index, String piece);

    /** Every piece was delivered. */
    void end();

    /** The plan's cut happened after {@code delivered} pieces. */
    void cut(int delivered);

    /** The plan's malformed event is due (before any piece). */
    void malformed();
  }

  private final SimulationPlan plan;
  private final Timer timer;
  private final LongSupplier nanoClock;
  private final Sink sink;
  private final long startNanos;
  private int next;
  private volatile boolean stopped;
  private volatile Runnable cancelPending = () -> {};

  public PlanPacer(SimulationPlan plan, Timer timer, LongSupplier nanoClock, Sink sink) {
    this.plan = plan;
    this.timer = timer;
    this.nanoClock = nanoClock;
    this.sink = sink;
    this.startNanos = nanoClock.getAsLong();
  }

  /** Schedules the first tick at the plan's first-token delay. */
  public void start() {
    scheduleAt(dueNanos(0));
  }

  /** Stops at once: the pending tick is cancelled and no further piece is delivered. */
  public void stop() {
    stopped = true;
    cancelPending.run();
  }

  private void tick() {
    if (stopped) {
      return;
    }
    if (plan.fault() == SimulationPlan.Fault.MALFORMED) {
      stopped = true;
      sink.malformed();
      return;
    }
    List<String> pieces = plan.pieces();
    long now = nanoClock.getAsLong();
    do {
      if (cutNow()) {
        stopped = true;
        sink.cut(next);
        return;
      }
      if (next == pieces.size()) {
        stopped = true;
        sink.end();
        return;
      }
      sink.piece(next, pieces.get(next));
      next++;
    } while (!stopped && (dueNanos(next) <= now || next == pieces.size() || cutNow()));
    scheduleAt(dueNanos(next));
  }

  private boolean cutNow() {
    return plan.fault() == SimulationPlan.Fault.CUT
        && next >= Math.min(plan.cutAfter(), plan.pieces().size());
  }

  /** When piece {@code index} is due; the end and a cut follow their last piece at once. */
  private long dueNanos(int index) {
    return startNanos
        + plan.firstTokenDelay().toNanos()
        + plan.interTokenDelay().toNanos() * Math.max(0, index);
  }

  private void scheduleAt(long dueNanos) {
    if (stopped) {
      return;
    }
    long delay = Math.max(0, dueNanos - nanoClock.getAsLong());
    cancelPending = timer.schedule(delay, this::tick);
    if (stopped) {
      cancelPending.run();
    }
  }
}
