package dev.sluice.admission;

import dev.sluice.llm.LlmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently one call is retried: exponential backoff with proportional jitter,
 * never earlier than the provider's not-before instant, all within one deadline per call.
 *
 * @param maxAttempts attempts per model, the first included (1 means no retry)
 * @param baseDelay the backoff before the second attempt, before jitter
 * @param factor how much each further backoff grows (1 keeps it constant)
 * @param maxDelay cap on the exponential backoff; a provider's not-before is honoured above it
 * @param jitter proportional jitter in [0, 1]: the delay is drawn uniformly from {@code [d * (1 -
 *     jitter), d]}, so 0 is none and 1 is "full jitter" over {@code [0, d]}
 * @param deadline time budget for all attempts of one call (every model of its fallback chain),
 *     counting queue waits and backoffs; no attempt is started that would begin after it
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    double factor,
    Duration maxDelay,
    double jitter,
    Duration deadline) {

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    require(maxAttempts >= 1, "maxAttempts must be at least 1, was " + maxAttempts);
    require(!baseDelay.isNegative(), "baseDelay cannot be negative, was " + baseDelay);
    require(factor >= 1.0, "factor must be at least 1, was " + factor);
    require(maxDelay.compareTo(baseDelay) >= 0, "maxDelay must be at least baseDelay");
    require(jitter >= 0.0 && jitter <= 1.0, "jitter must be within [0, 1], was " + jitter);
    require(
        !deadline.isNegative() && !deadline.isZero(), "deadline must be positive, was " + deadline);
  }

  /** Three attempts, 500 ms doubling up to 8 s, half jitter, one minute per call. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), 0.5, Duration.ofMinutes(1));
  }

  /**
   * The wait before an attempt.
   *
   * @param attempt the number of the attempt about to start (2 for the first retry)
   * @param error what failed the previous attempt; its {@link LlmException#notBefore()} is a floor
   * @param now the current instant, to turn the not-before into a delay
   * @param random the jitter source
   */
  public Duration delayBefore(
      int attempt, LlmException error, Instant now, RandomGenerator random) {
    require(attempt >= 2, "attempt must be at least 2 (the first retry), was " + attempt);
    double exponential = baseDelay.toNanos() * Math.pow(factor, attempt - 2.0);
    double capped = Math.min(exponential, maxDelay.toNanos());
    double jittered = capped * (1.0 - jitter * random.nextDouble());
    Duration delay = Duration.ofNanos(Math.round(jittered));
    Instant notBefore = error == null ? null : error.notBefore();
    if (notBefore != null && Duration.between(now, notBefore).compareTo(delay) > 0) {
      return Duration.between(now, notBefore);
    }
    return delay;
  }

  /** Whether another attempt on the same model may follow {@code attemptsMade} attempts. */
  public boolean allowsAttemptAfter(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /**
   * Whether an attempt starting {@code sinceCallStart} after the call began is within the deadline.
   */
  public boolean withinDeadline(Duration sinceCallStart) {
    return sinceCallStart.compareTo(deadline) < 0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
