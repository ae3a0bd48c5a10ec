package dev.sluice.admission;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Lanes whose budgets are shared by every server of a cluster: each budget is a bucket kept by
 * {@code buckets} (Bucket4j over the shared database), keyed by the lane's name, and each server's
 * lane spends it through a {@link LeasedBudget}. In-flight limits and queues stay each server's.
 */
public final class SharedLanes {

  private final ProxyManager<String> buckets;
  private final Executor executor;

  /**
   * @param buckets where the shared buckets live
   * @param executor where their calls (database round trips) run, never a lane's caller
   */
  public SharedLanes(ProxyManager<String> buckets, Executor executor) {
    this.buckets = buckets;
    this.executor = executor;
  }

  /** A lane of these settings spending the cluster's buckets of its name. */
  public Lane lane(LaneSettings settings, ScheduledExecutorService scheduler, TimeSource time) {
    LaneBudgets budgets =
        new LaneBudgets(
            leased(settings.name() + "#requests", settings.requestsPerMinute(), settings, time),
            leased(settings.name() + "#tokens", settings.tokensPerMinute(), settings, time));
    return new PriorityLane(settings, scheduler, time, budgets);
  }

  private LeasedBudget leased(String key, long perPeriod, LaneSettings s, TimeSource time) {
    // The configuration is used only when the cluster has no bucket of this name yet; later
    // changes of the lane's settings reach the bucket through reconfigure.
    var bucket =
        buckets
            .builder()
            .build(key, () -> BucketBudget.configuration(perPeriod, s.burstFraction(), s.period()));
    LeasedBudget leased =
        new LeasedBudget(
            new ProxyBucket(bucket, perPeriod, s.burstFraction(), s.period()),
            perPeriod,
            s.burstFraction(),
            s.period(),
            executor,
            time);
    leased.reconcile(perPeriod, s.burstFraction(), s.period());
    return leased;
  }
}
