package dev.sluice.admission;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gate tests' made-up time: a {@link ManualScheduler} on its own {@link ManualClock}, with a
 * {@link Clock} view of the same time, and direct execution of submitted tasks.
 */
final class ManualTime extends ManualScheduler {

  ManualTime() {
    super(new ManualClock());
  }

  long nanoTime() {
    return clock().elapsedNanos();
  }

  Instant now() {
    return clock().now();
  }

  Clock wallClock() {
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

  @Override
  public void execute(Runnable command) {
    command.run();
  }
}
