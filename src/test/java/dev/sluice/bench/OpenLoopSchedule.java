package dev.sluice.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Questions at a fixed rate, open loop: question {@code i} is due at {@code start + i * period},
 * whatever happened to the questions before it, and goes out at the first tick at or after that
 * time. A timer ticks at the same fixed rate ({@link ScheduledExecutorService#scheduleAtFixedRate},
 * which catches up after a late tick); a tick sends every question due by then and none early. How
 * late each question went out, its schedule lag, says whether the client kept the schedule: a
 * server that lags makes answers late, never questions.
 */
final class OpenLoopSchedule {

  private final long startNanos;
  private final long periodNanos;
  private final int count;
  private final LongSupplier clock;
  private final IntConsumer send;
  private final CountDownLatch done = new CountDownLatch(1);

  /** How late each question went out after its due time. */
  final LatencyHistogram lag = new LatencyHistogram();

  private int next;
  private long maxLagNanos;
  private long lastSentNanos;

  /**
   * @param startNanos when question 0 is due, on {@code clock}
   * @param periodNanos between two questions' due times
   * @param count questions in all
   * @param send sends question {@code i}; must not wait for its answer
   */
  OpenLoopSchedule(
      long startNanos, long periodNanos, int count, LongSupplier clock, IntConsumer send) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("the period must be positive");
    }
    this.startNanos = startNanos;
    this.periodNanos = periodNanos;
    this.count = count;
    this.clock = clock;
    this.send = send;
    if (count == 0) {
      done.countDown();
    }
  }

  /** The period of {@code perSecond} questions a second, in whole nanoseconds. */
  static long periodNanos(double perSecond) {
    return Math.max(1, Math.round(1e9 / perSecond));
  }

  /** When question {@code i} is due. */
  long due(int i) {
    return startNanos + i * periodNanos;
  }

  /** Sends every question due by now, in order, each booking its lag. */
  synchronized void tick() {
    while (next < count) {
      long now = clock.getAsLong();
      long late = now - due(next);
      if (late < 0) {
        return;
      }
      lag.record(late);
      maxLagNanos = Math.max(maxLagNanos, late);
      send.accept(next++);
      lastSentNanos = now;
    }
    done.countDown();
  }

  /**
   * Runs the schedule on {@code timer}, ticking at the schedule's period from {@code startNanos},
   * and returns once every question went out (or {@code deadline} passed).
   *
   * @return whether every question went out
   */
  boolean run(ScheduledExecutorService timer, Duration deadline) throws InterruptedException {
    // The timer's first tick is at or after question 0's due time: its clock was read later.
    long initialDelay = Math.max(0, startNanos - clock.getAsLong());
    ScheduledFuture<?> ticks =
        timer.scheduleAtFixedRate(this::tick, initialDelay, periodNanos, TimeUnit.NANOSECONDS);
    try {
      return done.await(
          deadline.toNanos() + (long) count * periodNanos + initialDelay, TimeUnit.NANOSECONDS);
    } finally {
      ticks.cancel(false);
    }
  }

  synchronized int sent() {
    return next;
  }

  synchronized long maxLagNanos() {
    return maxLagNanos;
  }

  /** Questions per second actually sent: from question 0's due time to the last send. */
  synchronized double achievedRate() {
    if (next < 2) {
      return Double.NaN;
    }
    long span = lastSentNanos - startNanos;
    return span <= 0 ? Double.NaN : (next - 1) * 1e9 / span;
  }

  int count() {
    return count;
  }
}
