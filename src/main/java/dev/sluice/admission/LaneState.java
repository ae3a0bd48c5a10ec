package dev.sluice.admission;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bookkeeping of a {@link PriorityLane}: queue, slots, budgets, pause and counters, and the
 * rule that admits from the head of the line. Not thread-safe: the lane calls it under its lock.
 */
final class LaneState {

  private static final Duration LONGEST_PAUSE = Duration.ofDays(1);

  private final LaneBudgets budgets;
  private final WakeupTimer timer;
  private final WaitQueue queue;
  private LaneSettings settings;
  private UsageRing usage;
  private int inFlight;
  private long sequence;
  private long pausedUntilNanos;
  private Instant pausedUntil;
  private long admitted;
  private long rejected;

  LaneState(LaneSettings settings, LaneBudgets budgets, WakeupTimer timer, long nowNanos) {
    this.settings = settings;
    this.budgets = budgets;
    this.timer = timer;
    this.usage = new UsageRing(settings.period().toNanos());
    this.queue = new WaitQueue(settings.agingStep().toNanos());
    this.pausedUntilNanos = nowNanos;
  }

  Waiter enqueue(AdmissionRequest request, CompletableFuture<Permit> future, long now) {
    Waiter waiter = new Waiter(request, future, now, sequence++);
    queue.add(waiter);
    return waiter;
  }

  /** Takes a still-waiting call out of a full queue and says why; null if it may wait. */
  AdmissionRejectedException rejectIfOverfull(Waiter waiter, long now) {
    if (queue.size() <= settings.maxQueued() || !queue.remove(waiter)) {
      return null;
    }
    rejected++;
    long perRequest = settings.period().toNanos() / settings.requestsPerMinute();
    long wait = Math.max(perRequest * (queue.size() + 1L), pausedUntilNanos - now);
    Duration retryAfter = Duration.ofNanos(Math.max(wait, 1_000_000));
    String message =
        "lane '%s' already has %d calls waiting (maxQueued %d)"
            .formatted(settings.name(), queue.size(), settings.maxQueued());
    return new AdmissionRejectedException(settings.name(), retryAfter, message);
  }

  /** Admits from the head while possible; a blocked head blocks everyone behind it. */
  List<Waiter> admitReady(long now) {
    List<Waiter> ready = new ArrayList<>(1);
    for (Waiter head = queue.head(now, admitted); head != null; head = queue.head(now, admitted)) {
      if (inFlight >= settings.maxInFlight()) {
        break;
      }
      if (pausedUntilNanos - now > 0) {
        timer.wakeWithin(now, pausedUntilNanos - now);
        break;
      }
      long estimate = head.estimatedTokens();
      if (!budgets.tryCharge(estimate)) {
        timer.wakeWithin(now, budgets.nanosUntilAffordable(estimate));
        break;
      }
      queue.remove(head);
      inFlight++;
      admitted++;
      usage.record(now, 1, estimate);
      ready.add(head);
    }
    return ready;
  }

  /**
   * Takes new settings; the caller then admits from the head, which applies a higher in-flight
   * limit or budget at once. Queued calls and permits out stay as they are.
   */
  void reconfigure(LaneSettings next) {
    LaneSettings previous = settings;
    settings = next;
    if (previous.requestsPerMinute() != next.requestsPerMinute()
        || previous.tokensPerMinute() != next.tokensPerMinute()
        || previous.burstFraction() != next.burstFraction()
        || !previous.period().equals(next.period())) {
      budgets.reconfigure(next);
    }
    if (!previous.period().equals(next.period())) {
      // The ring's slots are a sixtieth of the period: usage counted in the old slots cannot be
      // re-cut, so "last period" starts afresh.
      usage = new UsageRing(next.period().toNanos());
    }
    queue.agingStep(next.agingStep().toNanos());
  }

  void timerFired(long generation) {
    timer.fired(generation);
  }

  void withdraw(Waiter waiter) {
    queue.remove(waiter);
  }

  void release(long now, long estimatedTokens, long actualTokens) {
    inFlight--;
    budgets.reconcile(estimatedTokens, actualTokens);
    usage.record(now, 0, actualTokens - estimatedTokens);
  }

  void revoke(long now, long estimatedTokens) {
    inFlight--;
    admitted--;
    budgets.refund(estimatedTokens);
    usage.record(now, -1, -estimatedTokens);
  }

  /** Keeps the latest pause. */
  void pause(long now, Instant wallNow, Instant notBefore) {
    Duration pause = Duration.between(wallNow, notBefore);
    long until = now + (pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause).toNanos();
    if (until - pausedUntilNanos > 0) {
      pausedUntilNanos = until;
      pausedUntil = notBefore;
    }
  }

  /** Holds the lane's shared budgets (if any) for the pause. */
  void holdShared(Duration pause) {
    budgets.requests().holdFor(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
  }

  /** Drains the budgets to what the provider reports; returns the reset to pause until, or null. */
  Instant observe(RateLimitSnapshot snapshot, Instant wallNow) {
    if (snapshot.requestsRemaining() != null) {
      budgets.requests().drainTo(snapshot.requestsRemaining());
    }
    if (snapshot.tokensRemaining() != null) {
      budgets.tokens().drainTo(snapshot.tokensRemaining());
    }
    Waiter head = queue.mostUrgent();
    long nextEstimate = head == null ? 0 : head.estimatedTokens();
    return ProviderSignals.pauseFrom(snapshot, wallNow, nextEstimate);
  }

  LaneSnapshot snapshot(long now) {
    return new LaneSnapshot(
        settings.name(),
        settings.maxInFlight(),
        inFlight,
        queue.counts(),
        settings.requestsPerMinute(),
        settings.tokensPerMinute(),
        settings.maxQueued(),
        budgets.requests().available(),
        budgets.tokens().available(),
        usage.requests(now),
        usage.tokens(now),
        pausedUntilNanos - now > 0 ? pausedUntil : null,
        admitted,
        rejected);
  }
}
