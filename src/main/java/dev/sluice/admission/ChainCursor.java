package dev.sluice.admission;

import dev.sluice.llm.LlmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Where one call stands in its fallback chain and retry budget: which model, how many tries of it,
 * and how long since the call began. Decides whether a retry or the next model may follow.
 */
final class ChainCursor {

  private final List<String> models;
  private final RetryPolicy policy;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private int modelIndex;
  private int attemptsOnModel;

  ChainCursor(List<String> models, RetryPolicy policy, LongSupplier nanoTime) {
    this.models = models;
    this.policy = policy;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  /** Counts a new try of the current model and names it. */
  synchronized String beginAttempt() {
    attemptsOnModel++;
    return models.get(modelIndex);
  }

  /**
   * The backoff before retrying the current model, or null when its attempts are spent or the retry
   * would start past the deadline.
   */
  synchronized Duration retryDelay(LlmException failure, Instant now, RandomGenerator random) {
    if (!policy.allowsAttemptAfter(attemptsOnModel)) {
      return null;
    }
    Duration delay;
    synchronized (random) {
      delay = policy.delayBefore(attemptsOnModel + 1, failure, now, random);
    }
    return policy.withinDeadline(elapsed().plus(delay)) ? delay : null;
  }

  /** Moves to the next model; false when the chain is spent or the deadline has passed. */
  synchronized boolean advance() {
    modelIndex++;
    attemptsOnModel = 0;
    return modelIndex < models.size() && policy.withinDeadline(elapsed());
  }

  private Duration elapsed() {
    return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
  }
}
