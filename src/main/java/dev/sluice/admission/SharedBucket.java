package dev.sluice.admission;

import java.time.Duration;

/**
 * One budget kept where every node of a cluster spends it (a row in the shared database). Each call
 * may wait on the database, so a {@link LeasedBudget} makes them off the lane's lock, on an
 * executor. Amounts of zero or less are no-ops.
 */
public interface SharedBucket {

  /**
   * Takes {@code amount} if the bucket holds it now; else takes nothing. Either way, what it holds
   * afterwards and how long until {@code amount} could be taken.
   */
  Take tryTake(long amount);

  /** Takes the amount whatever the balance, going negative if need be (an overdraft). */
  void takeAnyway(long amount);

  /** Gives the amount back, never above the capacity. */
  void giveBack(long amount);

  /** Lowers the balance to {@code remaining} when it is higher (the provider knows better). */
  void drainTo(long remaining);

  /**
   * Lowers the balance, if it is higher, to the debt that takes {@code pause} to refill: nothing
   * can be taken until then. Repeating the same pause does not lengthen it.
   */
  void owe(Duration pause);

  /** Applies a new budget, keeping what was already spent (as {@link Budget#reconfigure}). */
  void reconfigure(long perPeriod, double burstFraction, Duration period);

  /**
   * The outcome of a {@link #tryTake}.
   *
   * @param taken whether the amount was taken
   * @param remaining what the bucket holds afterwards
   * @param nanosToWait when not taken, how long until it could be
   */
  record Take(boolean taken, long remaining, long nanosToWait) {}
}
