package dev.sluice.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on made-up time: tasks run only when a test calls {@link #advance}, on the test's
 * thread, in order of due time. Its {@link #clock()} and {@link #nanoTime()} read the same time.
 */
final class ManualTime extends AbstractExecutorService implements ScheduledExecutorService {

  private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long nanos;
  private long sequence;

  long nanoTime() {
    return nanos;
  }

  Instant now() {
    return EPOCH.plusNanos(nanos);
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  /** Moves time forward, running every task that falls due on the way at its due time. */
  void advance(Duration by) {
    long target = nanos + by.toNanos();
    Task<?> next;
    while ((next = queue.peek()) != null && next.dueNanos <= target) {
      queue.poll();
      nanos = Math.max(nanos, next.dueNanos);
      next.run();
    }
    nanos = target;
  }

  /** Tasks scheduled and neither run nor cancelled. */
  int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(
        () -> {
          command.run();
          return null;
        },
        delay,
        unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Task<V> task = new Task<>(callable, nanos + unit.toNanos(delay), sequence++);
    queue.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the gate");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the gate");
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return new ArrayList<>();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final long dueNanos;
    private final long order;

    Task(Callable<V> callable, long dueNanos, long order) {
      super(callable);
      this.dueNanos = dueNanos;
      this.order = order;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> o = (Task<?>) other;
      int byDue = Long.compare(dueNanos, o.dueNanos);
      return byDue != 0 ? byDue : Long.compare(order, o.order);
    }
  }
}
