package dev.sluice.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of one lane. The budgets are per {@link #period()}, a minute in production;
 * tests and benchmarks shorten the period and keep the same semantics.
 *
 * @param name the lane's name
 * @param maxInFlight calls admitted and not yet released, at most
 * @param requestsPerMinute requests per period
 * @param tokensPerMinute tokens per period
 * @param maxQueued waiting calls, at most; the next one is rejected at once
 * @param period the budget period
 * @param burstFraction share of a budget that may go out at once (the bucket's capacity)
 * @param agingStep how long a call must wait before it may take the share of admissions kept for
 *     the longest-waiting call (see {@link WaitQueue})
 */
public record LaneSettings(
    String name,
    int maxInFlight,
    long requestsPerMinute,
    long tokensPerMinute,
    int maxQueued,
    Duration period,
    double burstFraction,
    Duration agingStep) {

  public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
  public static final double DEFAULT_BURST_FRACTION = 0.02;
  public static final Duration DEFAULT_AGING_STEP = Duration.ofSeconds(10);

  public LaneSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(agingStep, "agingStep");
    require(!name.isBlank(), "name cannot be blank");
    require(maxInFlight >= 1, "maxInFlight must be at least 1, was " + maxInFlight);
    require(
        requestsPerMinute >= 1, "requestsPerMinute must be at least 1, was " + requestsPerMinute);
    require(tokensPerMinute >= 1, "tokensPerMinute must be at least 1, was " + tokensPerMinute);
    require(maxQueued >= 0, "maxQueued cannot be negative, was " + maxQueued);
    require(
        !period.isNegative() && period.toMillis() >= 60,
        "period must be at least 60 ms, was " + period);
    require(
        burstFraction > 0 && burstFraction < 1,
        "burstFraction must be above 0 and below 1, was " + burstFraction);
    require(
        !agingStep.isNegative() && !agingStep.isZero(),
        "agingStep must be positive, was " + agingStep);
  }

  /** A lane with the default period, burst fraction and aging step. */
  public static LaneSettings of(
      String name, int maxInFlight, long requestsPerMinute, long tokensPerMinute, int maxQueued) {
    return new LaneSettings(
        name,
        maxInFlight,
        requestsPerMinute,
        tokensPerMinute,
        maxQueued,
        DEFAULT_PERIOD,
        DEFAULT_BURST_FRACTION,
        DEFAULT_AGING_STEP);
  }

  public LaneSettings withMaxInFlight(int value) {
    return LaneLimit.MAX_IN_FLIGHT.applyTo(this, value);
  }

  public LaneSettings withPeriod(Duration value) {
    return new LaneSettings(
        name,
        maxInFlight,
        requestsPerMinute,
        tokensPerMinute,
        maxQueued,
        value,
        burstFraction,
        agingStep);
  }

  public LaneSettings withBurstFraction(double value) {
    return new LaneSettings(
        name, maxInFlight, requestsPerMinute, tokensPerMinute, maxQueued, period, value, agingStep);
  }

  public LaneSettings withAgingStep(Duration value) {
    return new LaneSettings(
        name,
        maxInFlight,
        requestsPerMinute,
        tokensPerMinute,
        maxQueued,
        period,
        burstFraction,
        value);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
