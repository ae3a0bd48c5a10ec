package dev.sluice.admission;

import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The resources of one try: its breaker pass, its admission (pending, then a permit) and its
 * upstream stream. It owns them so that each permit is released exactly once and an abort reaches
 * whichever stage the try is in. As the upstream's listener it forwards events to the caller,
 * except failures, which the call reports once for all its tries.
 */
final class AttemptRun implements StreamListener {

  private final String model;
  private final String provider;
  private final Lane lane;
  private final BreakerPass pass;
  private final Duration backoff;
  private final Instant startedAt;
  private final long startNanos;
  private final StreamListener downstream;
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicBoolean recorded = new AtomicBoolean();

  private volatile boolean aborted;
  private volatile Usage usageSeen = Usage.NONE;
  private CompletableFuture<Permit> admission;
  private Permit permit;
  private ChatStream stream;
  private long sentNanos;

  AttemptRun(
      String model,
      String provider,
      Lane lane,
      BreakerPass pass,
      Duration backoff,
      Instant startedAt,
      long startNanos,
      StreamListener downstream) {
    this.model = model;
    this.provider = provider;
    this.lane = lane;
    this.pass = pass;
    this.backoff = backoff;
    this.startedAt = startedAt;
    this.startNanos = startNanos;
    this.downstream = downstream;
  }

  String model() {
    return model;
  }

  String provider() {
    return provider;
  }

  Lane lane() {
    return lane;
  }

  BreakerPass pass() {
    return pass;
  }

  Usage usageSeen() {
    return usageSeen;
  }

  /** Remembers the pending admission so an abort can leave the queue; leaves at once if aborted. */
  void waitFor(CompletableFuture<Permit> pending) {
    synchronized (this) {
      admission = pending;
      if (!aborted) {
        return;
      }
    }
    pending.cancel(false);
  }

  /** Takes the permit; false (and the permit released, the pass abandoned) if already aborted. */
  boolean admitted(Permit granted, long nowNanos) {
    synchronized (this) {
      permit = granted;
      sentNanos = nowNanos;
      if (!aborted) {
        return true;
      }
    }
    release(0);
    pass.abandon();
    return false;
  }

  /** Keeps the upstream stream so an abort can cancel it; cancels it at once if aborted. */
  void attach(ChatStream upstream) {
    synchronized (this) {
      stream = upstream;
      if (!aborted) {
        return;
      }
    }
    upstream.cancel();
  }

  /** Stops the try wherever it is; any permit is released, with the usage seen so far. */
  void abort() {
    CompletableFuture<Permit> pending;
    ChatStream upstream;
    synchronized (this) {
      aborted = true;
      pending = admission;
      upstream = stream;
    }
    if (pending != null) {
      pending.cancel(false);
    }
    if (upstream != null) {
      upstream.cancel();
    }
    release(usageSeen.totalTokens());
  }

  /** Releases the permit, if one was granted, the first time only. */
  void release(long actualTokens) {
    Permit held;
    synchronized (this) {
      held = permit;
    }
    if (held != null && released.compareAndSet(false, true)) {
      held.release(actualTokens);
    }
  }

  Duration sinceSent(long nowNanos) {
    return Duration.ofNanos(nowNanos - sentNanos);
  }

  /** The try as recorded, or null if it was recorded already. */
  Attempt record(Attempt.Outcome outcome, LlmErrorKind kind, long nowNanos) {
    if (!recorded.compareAndSet(false, true)) {
      return null;
    }
    Duration queueWait;
    synchronized (this) {
      queueWait = permit != null ? permit.waited() : Duration.ofNanos(nowNanos - startNanos);
    }
    return new Attempt(model, provider, lane.name(), outcome, kind, queueWait, backoff, startedAt);
  }

  @Override
  public void on(StreamEvent event) {
    if (event instanceof StreamEvent.UsageReported u) {
      usageSeen = u.usage();
    } else if (event instanceof StreamEvent.RateLimitsObserved r) {
      lane.observe(r.snapshot());
    } else if (event instanceof StreamEvent.Failed) {
      return;
    }
    if (!aborted) {
      downstream.on(event);
    }
  }
}
