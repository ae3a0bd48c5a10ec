package dev.sluice.admission;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * A {@link Budget} kept in a Bucket4j bucket that holds B = max(1, ceil(burstFraction·C)) and
 * starts full, refilling greedily (C − B) per period. Any window of one period can spend at most
 * what the bucket held at its start plus what refilled during it: B + (C − B) = C.
 *
 * <p>An amount above B could never fit, so it is charged when the bucket is full and the excess
 * becomes an overdraft (a negative balance) that later calls wait off. Such a window spends at most
 * C + (amount − B): the overshoot is bounded by one oversized request, and the average stays at C.
 */
final class BucketBudget implements Budget {

  private final Bucket bucket;
  private long capacity;

  /** Wraps any bucket with this capacity, local or proxy-managed. */
  BucketBudget(Bucket bucket, long capacity) {
    this.bucket = bucket;
    this.capacity = capacity;
  }

  /** A local bucket for a budget of {@code perPeriod}, reading time from {@code time}. */
  static BucketBudget local(
      long perPeriod, double burstFraction, Duration period, TimeSource time) {
    return new BucketBudget(
        localBucket(perPeriod, burstFraction, period, time),
        burstCapacity(perPeriod, burstFraction));
  }

  /** The bucket of a local budget, on its own: this server's memory, {@code time}'s clock. */
  static Bucket localBucket(
      long perPeriod, double burstFraction, Duration period, TimeSource time) {
    return Bucket.builder()
        .addLimit(configuration(perPeriod, burstFraction, period).getBandwidths()[0])
        .withCustomTimePrecision(meter(time))
        .build();
  }

  /** The bucket of a budget of {@code perPeriod}: capacity B, starting full, refilling C − B. */
  static BucketConfiguration configuration(long perPeriod, double burstFraction, Duration period) {
    long burst = burstCapacity(perPeriod, burstFraction);
    // With C = 1 there is nothing left to refill; one per period keeps the budget alive. Bucket4j
    // refills at most one token per nanosecond: a larger budget (6e10 a minute, "no limit" in
    // practice) is held at that rate rather than refused.
    long refill = Math.min(Math.max(1, perPeriod - burst), period.toNanos());
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, period).initialTokens(burst))
        .build();
  }

  /** B = max(1, ceil(fraction·C)), kept below C when C > 1 so that something still refills. */
  static long burstCapacity(long perPeriod, double burstFraction) {
    long burst = Math.max(1, (long) Math.ceil(burstFraction * perPeriod));
    return perPeriod > 1 ? Math.min(burst, perPeriod - 1) : burst;
  }

  @Override
  public long capacity() {
    return capacity;
  }

  @Override
  public long available() {
    return bucket.getAvailableTokens();
  }

  @Override
  public boolean tryCharge(long amount) {
    if (amount <= 0) {
      return true;
    }
    if (amount <= capacity) {
      return bucket.tryConsume(amount);
    }
    if (bucket.getAvailableTokens() < capacity) {
      return false;
    }
    bucket.consumeIgnoringRateLimits(amount);
    return true;
  }

  @Override
  public long nanosUntilAvailable(long amount) {
    if (amount <= 0) {
      return 0;
    }
    var probe = bucket.estimateAbilityToConsume(Math.min(amount, capacity));
    return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  @Override
  public void overdraw(long amount) {
    if (amount > 0) {
      bucket.consumeIgnoringRateLimits(amount);
    }
  }

  @Override
  public void refund(long amount) {
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

  /**
   * ADDITIVE inheritance: what was spent of the old burst stays spent (raising the budget frees
   * only the extra room, so a window never sees a fresh full bucket on top of what it already
   * spent), a balance above the new capacity is cut to it, and a debt stays a debt. RESET would
   * hand out a full bucket on every change; PROPORTIONALLY would scale a debt up as well.
   */
  @Override
  public void reconfigure(long perPeriod, double burstFraction, Duration period) {
    bucket.replaceConfiguration(
        configuration(perPeriod, burstFraction, period), TokensInheritanceStrategy.ADDITIVE);
    capacity = burstCapacity(perPeriod, burstFraction);
  }

  private static TimeMeter meter(TimeSource time) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return time.nanoTime();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }
}
