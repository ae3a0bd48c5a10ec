package dev.sluice.admission;

import java.time.Duration;

/**
 * One budget of a lane (requests or tokens per period): a local Bucket4j bucket ({@link
 * BucketBudget}), or a lease of a bucket shared by the nodes of a cluster ({@link LeasedBudget}).
 * Amounts of zero or less are no-ops.
 */
interface Budget {

  /** The most the budget holds at once. */
  long capacity();

  /** What may be spent right now; negative after an overdraft. */
  long available();

  /** Spends the amount if the budget allows it now. */
  boolean tryCharge(long amount);

  /** Nanoseconds until {@link #tryCharge} of this amount could succeed; 0 when it could now. */
  long nanosUntilAvailable(long amount);

  /** Spends the amount whatever the balance, going negative if need be. */
  void overdraw(long amount);

  /** Gives the amount back, never above the capacity. */
  void refund(long amount);

  /** Lowers the balance to {@code remaining} when it is higher (the provider knows better). */
  void drainTo(long remaining);

  /**
   * Applies a new budget of {@code perPeriod} at once, keeping what was already spent: raising it
   * adds the extra burst room to the balance, lowering it caps the balance at the new burst, and an
   * overdraft stays owed.
   */
  void reconfigure(long perPeriod, double burstFraction, Duration period);

  /**
   * What to run when the budget has grown by itself, not by refilling with time (a top-up of a
   * shared budget has arrived): the lane's wake-up. A local budget never does.
   */
  default void onGrown(Runnable wake) {}

  /**
   * Nothing may be spent for {@code pause} (the provider said so): a budget shared with other
   * servers makes them wait too; a local one leaves it to its lane's own pause.
   */
  default void holdFor(Duration pause) {}
}
