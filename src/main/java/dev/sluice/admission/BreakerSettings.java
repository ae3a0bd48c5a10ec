package dev.sluice.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * How a provider's circuit breaker judges health. The window is time based: it holds the calls of
 * the last {@code slidingWindow} (whole seconds).
 *
 * @param failureRateThreshold percentage of failed calls in the window (1 to 100) that opens it
 * @param slidingWindow length of the time-based window, at least one second, whole seconds
 * @param minimumNumberOfCalls calls the window must hold before the failure rate counts
 * @param waitInOpenState how long the breaker fails fast before letting probes through
 * @param permittedCallsInHalfOpenState probes let through while half open
 */
public record BreakerSettings(
    float failureRateThreshold,
    Duration slidingWindow,
    int minimumNumberOfCalls,
    Duration waitInOpenState,
    int permittedCallsInHalfOpenState) {

  public BreakerSettings {
    Objects.requireNonNull(slidingWindow, "slidingWindow");
    Objects.requireNonNull(waitInOpenState, "waitInOpenState");
    if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
      throw new IllegalArgumentException(
          "failureRateThreshold must be within (0, 100], was " + failureRateThreshold);
    }
    if (slidingWindow.toSeconds() < 1 || slidingWindow.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "slidingWindow must be whole seconds, at least one, was " + slidingWindow);
    }
    if (minimumNumberOfCalls < 1) {
      throw new IllegalArgumentException(
          "minimumNumberOfCalls must be at least 1, was " + minimumNumberOfCalls);
    }
    if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
      throw new IllegalArgumentException(
          "waitInOpenState must be positive, was " + waitInOpenState);
    }
    if (permittedCallsInHalfOpenState < 1) {
      throw new IllegalArgumentException(
          "permittedCallsInHalfOpenState must be at least 1, was " + permittedCallsInHalfOpenState);
    }
  }

  /** 50 % over 60 s after 10 calls, 30 s open, 3 probes. */
  public static BreakerSettings defaults() {
    return new BreakerSettings(50f, Duration.ofSeconds(60), 10, Duration.ofSeconds(30), 3);
  }
}
