package dev.sluice.admission;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A slot of a {@link PriorityLane}, released once: later releases do nothing. */
final class LanePermit implements Permit {

  private final PriorityLane lane;
  private final long estimatedTokens;
  private final Duration waited;
  private final AtomicBoolean released = new AtomicBoolean();

  LanePermit(PriorityLane lane, long estimatedTokens, Duration waited) {
    this.lane = lane;
    this.estimatedTokens = estimatedTokens;
    this.waited = waited;
  }

  @Override
  public Duration waited() {
    return waited;
  }

  @Override
  public void release(long actualTokens) {
    if (released.compareAndSet(false, true)) {
      lane.release(estimatedTokens, Math.max(0, actualTokens));
    }
  }

  /** Hands the slot back untouched when the caller cancelled before the permit reached it. */
  void revoke() {
    if (released.compareAndSet(false, true)) {
      lane.revoke(estimatedTokens);
    }
  }
}
