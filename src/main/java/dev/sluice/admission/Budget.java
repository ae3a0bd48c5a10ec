package dev.sluice.admission;

import java.time.Duration;

/**
 * One budget of a lane (requests or tokens per period). The seam behind which a local Bucket4j
 * bucket sits today and a database-backed proxy bucket, shared across servers, can sit later.
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
}
