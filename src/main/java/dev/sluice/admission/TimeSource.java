package dev.sluice.admission;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a lane reads time: monotonic nanoseconds for budgets and timers, wall-clock instants for
 * provider resets and pauses. Tests substitute a manual one so nothing waits on real time.
 */
public interface TimeSource {

  /** Monotonic nanoseconds, comparable only with each other (like {@link System#nanoTime()}). */
  long nanoTime();

  /** The wall-clock instant. */
  Instant now();

  /** The system's monotonic timer and the given wall clock. */
  static TimeSource system(Clock clock) {
    return new TimeSource() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return clock.instant();
      }
    };
  }
}
