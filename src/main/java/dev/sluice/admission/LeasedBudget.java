package dev.sluice.admission;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link Budget} shared by every node of a cluster: the budget itself is a {@link SharedBucket}
 * in the database, and each node's lane holds a small lease of it. A call is charged against the
 * lease, under the lane's lock and without I/O; the lease is topped up from the shared bucket on an
 * executor, and the lane is woken when it has been. Refunds stay in the lease up to two leases and
 * go back beyond; overdrafts and the provider's word on what remains go straight to the shared
 * bucket, so every node feels them.
 *
 * <p>What a node holds in its lease was taken from the shared bucket earlier than it is spent, so a
 * window of one period can spend at most the shared bucket's bound plus what the nodes held at its
 * start: the lease is {@link #LEASE_FRACTION} of the budget per period, so three nodes add at most
 * 0.6 % to it.
 */
final class LeasedBudget implements Budget {

  /** A node's lease, as a fraction of the budget per period. */
  static final double LEASE_FRACTION = 0.002;

  /** How soon a lane asks again while a top-up is on its way (the top-up wakes it sooner). */
  static final long TOP_UP_POLL_NANOS = Duration.ofMillis(50).toNanos();

  /** How long a lane waits after the shared bucket could not be reached. */
  static final long UNREACHABLE_NANOS = Duration.ofSeconds(1).toNanos();

  private static final Logger LOG = Logger.getLogger(LeasedBudget.class.getName());

  private final SharedBucket shared;
  private final Executor executor;
  private final TimeSource time;
  private volatile Runnable grown = () -> {};
  private long capacity;
  private long lease;
  private long periodNanos;
  private long held;
  private long sharedRemaining;
  private boolean toppingUp;
  private long waitUntilNanos;

  LeasedBudget(
      SharedBucket shared,
      long perPeriod,
      double burstFraction,
      Duration period,
      Executor executor,
      TimeSource time) {
    this.shared = shared;
    this.executor = executor;
    this.time = time;
    size(perPeriod, burstFraction, period);
    this.sharedRemaining = capacity;
    this.waitUntilNanos = time.nanoTime();
  }

  /**
   * Brings the shared bucket to this node's settings: the bucket keeps the settings of the node
   * that created it, and settings changed while no node ran would otherwise never reach it.
   */
  void reconcile(long perPeriod, double burstFraction, Duration period) {
    run(() -> shared.reconfigure(perPeriod, burstFraction, period), "reconfiguration");
  }

  @Override
  public void onGrown(Runnable wake) {
    grown = wake;
  }

  @Override
  public synchronized long capacity() {
    return capacity;
  }

  @Override
  public synchronized long available() {
    return sharedRemaining + held;
  }

  @Override
  public boolean tryCharge(long amount) {
    if (amount <= 0) {
      return true;
    }
    long over = 0;
    synchronized (this) {
      // An amount above the burst could never be held: it goes when a whole burst is, and the
      // rest is an overdraft (as in BucketBudget).
      long need = Math.min(amount, capacity);
      if (held < need) {
        // Not before the shared bucket said it could pay: asking sooner would only load it.
        if (time.nanoTime() - waitUntilNanos >= 0) {
          topUp(Math.min(capacity, need - held + lease));
        }
        return false;
      }
      held -= need;
      over = amount - need;
      if (held < lease) {
        topUp(lease);
      }
    }
    overdraw(over);
    return true;
  }

  @Override
  public synchronized long nanosUntilAvailable(long amount) {
    if (amount <= 0 || held >= Math.min(amount, capacity)) {
      return 0;
    }
    if (toppingUp) {
      return TOP_UP_POLL_NANOS;
    }
    return Math.max(1, waitUntilNanos - time.nanoTime());
  }

  @Override
  public void overdraw(long amount) {
    if (amount > 0) {
      run(() -> shared.takeAnyway(amount), "overdraft");
    }
  }

  @Override
  public void refund(long amount) {
    if (amount <= 0) {
      return;
    }
    long excess;
    synchronized (this) {
      held += amount;
      excess = held > 2 * lease ? held - lease : 0;
      held -= excess;
    }
    if (excess > 0) {
      run(() -> shared.giveBack(excess), "refund");
    }
  }

  @Override
  public void drainTo(long remaining) {
    long left = Math.max(0, remaining);
    synchronized (this) {
      held = Math.min(held, left);
      sharedRemaining = Math.min(sharedRemaining, left);
    }
    run(() -> shared.drainTo(left), "drain");
  }

  @Override
  public void holdFor(Duration pause) {
    if (pause.isNegative() || pause.isZero()) {
      return;
    }
    synchronized (this) {
      held = 0;
      waitUntilNanos = time.nanoTime() + pause.toNanos();
    }
    run(() -> shared.owe(pause), "pause");
  }

  @Override
  public void reconfigure(long perPeriod, double burstFraction, Duration period) {
    synchronized (this) {
      size(perPeriod, burstFraction, period);
      held = Math.min(held, 2 * lease);
      // The wait the old bucket named may not hold for the new one: ask again at once.
      waitUntilNanos = time.nanoTime();
    }
    run(() -> shared.reconfigure(perPeriod, burstFraction, period), "reconfiguration");
  }

  /** Starts taking {@code want} from the shared bucket, unless a top-up is already on its way. */
  private void topUp(long want) {
    if (toppingUp || want <= 0) {
      return;
    }
    toppingUp = true;
    try {
      executor.execute(() -> arrive(want));
    } catch (RuntimeException e) {
      toppingUp = false;
      waitUntilNanos = time.nanoTime() + UNREACHABLE_NANOS;
      LOG.log(Level.WARNING, "a top-up of a shared budget could not start", e);
    }
  }

  private void arrive(long want) {
    SharedBucket.Take take;
    try {
      take = shared.tryTake(want);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the shared budget could not be reached; trying again in 1 s", e);
      take = new SharedBucket.Take(false, 0, UNREACHABLE_NANOS);
    }
    boolean grew = false;
    boolean giveBack = false;
    synchronized (this) {
      toppingUp = false;
      sharedRemaining = take.remaining();
      long now = time.nanoTime();
      if (!take.taken()) {
        // Bounded: Bucket4j says "never" (Long.MAX_VALUE) for more than the bucket holds, which
        // a bucket still on other settings may be; a period later the lane asks again.
        waitUntilNanos = now + Math.max(1, Math.min(take.nanosToWait(), periodNanos));
      } else if (now - waitUntilNanos < 0) {
        giveBack = true; // a pause began while it was on its way: not to be spent now
      } else {
        held += want;
        grew = true;
      }
    }
    if (giveBack) {
      run(() -> shared.giveBack(want), "refund");
    }
    if (grew) {
      grown.run();
    }
  }

  private void run(Runnable change, String what) {
    try {
      executor.execute(
          () -> {
            try {
              change.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "a shared budget's " + what + " was lost", e);
            }
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a shared budget's " + what + " was lost", e);
    }
  }

  private void size(long perPeriod, double burstFraction, Duration period) {
    periodNanos = period.toNanos();
    capacity = BucketBudget.burstCapacity(perPeriod, burstFraction);
    lease = Math.max(1, (long) Math.floor(perPeriod * LEASE_FRACTION));
  }
}
