package dev.sluice.admission;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * A lane that admits waiting calls in priority order (with aging) whenever it has a free in-flight
 * slot, is not paused and both budgets can pay. Its state changes under one lock in short sections;
 * futures complete outside it, and a single timer wakes the lane when the head of the line could
 * go.
 */
public final class PriorityLane implements Lane {

  private final String name;
  private final TimeSource time;
  private final LaneState state;
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<ArrayDeque<Grant>> delivering = new ThreadLocal<>();

  public PriorityLane(LaneSettings settings, ScheduledExecutorService scheduler, TimeSource time) {
    this(settings, scheduler, time, LaneBudgets.local(settings, time));
  }

  /** A lane spending the given budgets, e.g. buckets shared with other servers. */
  PriorityLane(
      LaneSettings settings,
      ScheduledExecutorService scheduler,
      TimeSource time,
      LaneBudgets budgets) {
    this.name = settings.name();
    this.time = Objects.requireNonNull(time, "time");
    WakeupTimer timer =
        new WakeupTimer(Objects.requireNonNull(scheduler, "scheduler"), this::wakeUp);
    this.state = new LaneState(settings, budgets, timer, time.nanoTime());
    budgets.onGrown(() -> changeAndDispatch(now -> {}));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Permit> admit(AdmissionRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<Permit> future = new CompletableFuture<>();
    Waiter waiter;
    List<Waiter> ready;
    AdmissionRejectedException rejection;
    long now;
    lock.lock();
    try {
      now = time.nanoTime();
      waiter = state.enqueue(request, future, now);
      ready = state.admitReady(now);
      rejection = state.rejectIfOverfull(waiter, now);
    } finally {
      lock.unlock();
    }
    if (rejection != null) {
      future.completeExceptionally(rejection);
    } else {
      // Someone else completing the future (cancel, orTimeout) takes the call out of line.
      future.whenComplete((permit, error) -> withdrawIf(error != null, waiter));
    }
    deliver(ready, now);
    return future;
  }

  @Override
  public void pauseUntil(Instant notBefore) {
    Objects.requireNonNull(notBefore, "notBefore");
    Instant wallNow = time.now();
    changeAndDispatch(
        now -> {
          state.pause(now, wallNow, notBefore);
          // Other servers sharing the lane's budgets wait too.
          state.holdShared(Duration.between(wallNow, notBefore));
        });
  }

  @Override
  public void observe(RateLimitSnapshot snapshot) {
    if (snapshot == null || snapshot.isEmpty()) {
      return;
    }
    Instant pause;
    lock.lock();
    try {
      pause = state.observe(snapshot, time.now());
    } finally {
      lock.unlock();
    }
    if (pause != null) {
      pauseUntil(pause);
    }
  }

  @Override
  public void reconfigure(LaneSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (!settings.name().equals(name)) {
      throw new IllegalArgumentException(
          "settings of lane '" + settings.name() + "' given to lane '" + name + "'");
    }
    changeAndDispatch(now -> state.reconfigure(settings));
  }

  @Override
  public LaneSnapshot snapshot() {
    lock.lock();
    try {
      return state.snapshot(time.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  /** Frees a slot, reconciles the tokens and lets the next calls in at once. */
  void release(long estimatedTokens, long actualTokens) {
    changeAndDispatch(now -> state.release(now, estimatedTokens, actualTokens));
  }

  /** Undoes an admission whose future someone else completed first: the slot was never taken. */
  void revoke(long estimatedTokens) {
    changeAndDispatch(now -> state.revoke(now, estimatedTokens));
  }

  private void wakeUp(long generation) {
    changeAndDispatch(now -> state.timerFired(generation));
  }

  private void withdrawIf(boolean completedByOthers, Waiter waiter) {
    if (completedByOthers) {
      changeAndDispatch(now -> state.withdraw(waiter));
    }
  }

  private void changeAndDispatch(LongConsumer change) {
    List<Waiter> ready;
    long now;
    lock.lock();
    try {
      now = time.nanoTime();
      change.accept(now);
      ready = state.admitReady(now);
    } finally {
      lock.unlock();
    }
    deliver(ready, now);
  }

  /**
   * Completes the admitted calls' futures. A continuation that releases at once would otherwise
   * recurse through release and dispatch once per waiting call, so nested deliveries on one thread
   * join the outer loop.
   */
  private void deliver(List<Waiter> ready, long now) {
    if (ready.isEmpty()) {
      return;
    }
    ArrayDeque<Grant> pending = delivering.get();
    boolean outermost = pending == null;
    if (outermost) {
      pending = new ArrayDeque<>();
      delivering.set(pending);
    }
    for (Waiter waiter : ready) {
      Duration waited = Duration.ofNanos(now - waiter.arrivalNanos());
      pending.add(new Grant(waiter, new LanePermit(this, waiter.estimatedTokens(), waited)));
    }
    if (outermost) {
      try {
        for (Grant grant = pending.poll(); grant != null; grant = pending.poll()) {
          grant.complete();
        }
      } finally {
        delivering.remove();
      }
    }
  }

  private record Grant(Waiter waiter, LanePermit permit) {
    void complete() {
      if (!waiter.future().complete(permit)) {
        permit.revoke();
      }
    }
  }
}
