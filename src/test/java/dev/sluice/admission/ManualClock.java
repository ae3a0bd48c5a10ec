package dev.sluice.admission;

import java.time.Duration;
import java.time.Instant;

/** A {@link TimeSource} that only moves when told to: monotonic nanos and a wall clock in step. */
final class ManualClock implements TimeSource {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  // Far from zero so that code relying on nanoTime differences, not values, is exercised.
  private final long originNanos = Long.MAX_VALUE - Duration.ofHours(1).toNanos();
  private long elapsedNanos;

  @Override
  public synchronized long nanoTime() {
    return originNanos + elapsedNanos;
  }

  @Override
  public synchronized Instant now() {
    return START.plusNanos(elapsedNanos);
  }

  synchronized long elapsedNanos() {
    return elapsedNanos;
  }

  synchronized void advanceTo(long elapsed) {
    if (elapsed > elapsedNanos) {
      elapsedNanos = elapsed;
    }
  }

  void advance(Duration duration) {
    advanceTo(elapsedNanos() + duration.toNanos());
  }
}
