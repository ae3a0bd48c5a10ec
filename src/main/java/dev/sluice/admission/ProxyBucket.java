package dev.sluice.admission;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * A {@link SharedBucket} over a Bucket4j bucket: in production a proxy whose state is a row of the
 * shared database, each call one round trip under that row's lock. Its shape and refill are {@link
 * BucketBudget}'s, so a shared budget holds over every window as a local one does.
 */
final class ProxyBucket implements SharedBucket {

  private final Bucket bucket;
  private volatile double refillPerNano;

  /** A budget of {@code perPeriod}, bursting {@code burstFraction}, in {@code bucket}. */
  ProxyBucket(Bucket bucket, long perPeriod, double burstFraction, Duration period) {
    this.bucket = bucket;
    rate(perPeriod, burstFraction, period);
  }

  @Override
  public Take tryTake(long amount) {
    if (amount <= 0) {
      return new Take(true, bucket.getAvailableTokens(), 0);
    }
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(amount);
    return new Take(
        probe.isConsumed(),
        probe.getRemainingTokens(),
        probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
  }

  @Override
  public void takeAnyway(long amount) {
    if (amount > 0) {
      bucket.consumeIgnoringRateLimits(amount);
    }
  }

  @Override
  public void giveBack(long amount) {
    if (amount > 0) {
      bucket.addTokens(amount);
    }
  }

  @Override
  public void drainTo(long remaining) {
    long excess = bucket.getAvailableTokens() - Math.max(0, remaining);
    if (excess > 0) {
      bucket.tryConsume(excess);
    }
  }

  @Override
  public void owe(Duration pause) {
    long debt = (long) Math.ceil(refillPerNano * pause.toNanos());
    long excess = bucket.getAvailableTokens() + debt;
    if (excess > 0) {
      bucket.consumeIgnoringRateLimits(excess);
    }
  }

  @Override
  public void reconfigure(long perPeriod, double burstFraction, Duration period) {
    rate(perPeriod, burstFraction, period);
    // ADDITIVE, as BucketBudget: every node applies the same change; applying it again is a no-op.
    bucket.replaceConfiguration(
        BucketBudget.configuration(perPeriod, burstFraction, period),
        TokensInheritanceStrategy.ADDITIVE);
  }

  private void rate(long perPeriod, double burstFraction, Duration period) {
    // As BucketBudget.configuration refills it: at most one token a nanosecond.
    long refill =
        Math.min(
            Math.max(1, perPeriod - BucketBudget.burstCapacity(perPeriod, burstFraction)),
            period.toNanos());
    refillPerNano = (double) refill / period.toNanos();
  }
}
