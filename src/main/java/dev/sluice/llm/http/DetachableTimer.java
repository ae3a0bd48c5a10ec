package dev.sluice.llm.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scheduled task that lets go of its target when cancelled. A cancelled task can stay in a
 * scheduler's queue until its delay expires (a {@code ScheduledThreadPoolExecutor} keeps it by
 * default); holding the target directly would keep a finished stream, its listener and its text
 * reachable for the whole first-token timeout.
 */
final class DetachableTimer<T> implements Runnable {

  private volatile T target;
  private final Consumer<T> action;
  private volatile ScheduledFuture<?> future;

  private DetachableTimer(T target, Consumer<T> action) {
    this.target = target;
    this.action = action;
  }

  static <T> DetachableTimer<T> schedule(
      ScheduledExecutorService scheduler, T target, Consumer<T> action, long delayNanos) {
    DetachableTimer<T> timer = new DetachableTimer<>(target, action);
    timer.future = scheduler.schedule(timer, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    return timer;
  }

  @Override
  public void run() {
    T current = target;
    if (current != null) {
      action.accept(current);
    }
  }

  /** Cancels the task and drops the reference to its target. */
  void cancel() {
    target = null;
    ScheduledFuture<?> scheduled = future;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }
}
