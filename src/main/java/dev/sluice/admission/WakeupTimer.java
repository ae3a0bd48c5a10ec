package dev.sluice.admission;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The one timer of a lane: wakes it when the head of the queue could go (budget refilled, pause
 * over), instead of a timer per waiter or a sleeping thread. Callers hold the lane's lock.
 */
final class WakeupTimer {

  // Below this, Bucket4j's rounding could fire a timer a hair early again and again.
  private static final long MIN_DELAY_NANOS = 100_000;

  private final ScheduledExecutorService scheduler;
  private final LongConsumer onFire;
  private ScheduledFuture<?> pending;
  private long dueNanos;
  private long generation;

  /** {@code onFire} receives the generation of the timer that fired. */
  WakeupTimer(ScheduledExecutorService scheduler, LongConsumer onFire) {
    this.scheduler = scheduler;
    this.onFire = onFire;
  }

  /** Makes sure the lane wakes no later than {@code delayNanos} from now. */
  void wakeWithin(long nowNanos, long delayNanos) {
    long delay = Math.max(MIN_DELAY_NANOS, delayNanos);
    long due = nowNanos + delay;
    if (pending != null && due - dueNanos >= 0) {
      return;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    long armed = ++generation;
    dueNanos = due;
    pending = scheduler.schedule(() -> onFire.accept(armed), delay, TimeUnit.NANOSECONDS);
  }

  /** Forgets the timer that fired, unless a newer one replaced it meanwhile. */
  void fired(long firedGeneration) {
    if (firedGeneration == generation) {
      pending = null;
    }
  }
}
