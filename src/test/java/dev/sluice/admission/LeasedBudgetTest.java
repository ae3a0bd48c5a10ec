package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three nodes' lanes spending one shared budget through leases, on a manual clock, while demand on
 * every node far exceeds it: every sliding window of one period stays within the budget plus the
 * nodes' leases, the budget is nearly used up, and what one node learns (an overdraft, the
 * provider's remaining count) binds them all. The shared bucket is a Bucket4j bucket in memory
 * behind the same adapter as the database's; each of its calls takes 2 ms.
 */
class LeasedBudgetTest {

  private static final Duration PERIOD = Duration.ofSeconds(6);
  private static final int PERIODS = 6;
  private static final Duration STEP = Duration.ofMillis(10);
  private static final int NODES = 3;

  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Executor database = task -> scheduler.schedule(task, 2, TimeUnit.MILLISECONDS);

  private record Admission(int node, long atNanos, long tokens) {}

  @Test
  void aRequestBudgetHoldsForTheClusterInEveryWindowAndIsNearlyUsedUp() {
    var settings = LaneSettings.of("rpm", 1000, 3000, 100_000_000, 10_000).withPeriod(PERIOD);
    List<Admission> admissions = drive(lanes(settings), new Random(1), 10, 10);

    long lease = (long) Math.floor(3000 * LeasedBudget.LEASE_FRACTION);
    assertThat(maxPerWindow(admissions, false)).isLessThanOrEqualTo(3000 + NODES * lease);
    assertThat(maxPerWindow(admissions, false)).isLessThanOrEqualTo(Math.round(3000 * 1.01));
    assertThat((long) admissions.size()).isGreaterThanOrEqualTo(Math.round(0.95 * 3000 * PERIODS));
    // Spread over the cluster: every node admitted a fair part.
    for (int node = 0; node < NODES; node++) {
      int n = node;
      assertThat(admissions.stream().filter(a -> a.node() == n).count())
          .isGreaterThan(3000L * PERIODS / NODES / 2);
    }
  }

  @Test
  void aTokenBudgetHoldsForTheClusterInEveryWindowAndIsNearlyUsedUp() {
    var settings = LaneSettings.of("tpm", 1000, 1_000_000, 100_000, 10_000).withPeriod(PERIOD);
    // Every estimate fits the burst of 2 000 (2 % of 100 000).
    List<Admission> admissions = drive(lanes(settings), new Random(2), 20, 400);

    assertThat(maxPerWindow(admissions, true)).isLessThanOrEqualTo(Math.round(100_000 * 1.01));
    long charged = admissions.stream().mapToLong(Admission::tokens).sum();
    assertThat(charged).isGreaterThanOrEqualTo(Math.round(0.95 * 100_000 * PERIODS));
  }

  @Test
  void anOverdraftOnOneNodeIsWaitedOffByAll() {
    SharedBucket shared = shared(600);
    List<LeasedBudget> nodes = List.of(leased(shared, 600), leased(shared, 600));
    nodes
        .get(0)
        .overdraw(6000); // ten periods' worth, as a provider's real count far over its estimate
    scheduler.advance(Duration.ofMillis(5));

    for (LeasedBudget node : nodes) {
      assertThat(node.tryCharge(1)).isFalse();
      scheduler.advance(Duration.ofMillis(5));
      assertThat(node.tryCharge(1)).as("after its top-up came back empty").isFalse();
      // The wait is the debt's, about ten periods, asked about again after at most one.
      assertThat(node.nanosUntilAvailable(1)).isGreaterThan(PERIOD.toNanos() - 10_000_000);
    }
    scheduler.advance(PERIOD.multipliedBy(2));
    for (LeasedBudget node : nodes) {
      assertThat(node.tryCharge(1)).isFalse();
      scheduler.advance(Duration.ofMillis(5));
      assertThat(node.tryCharge(1)).as("two periods later, still in debt").isFalse();
    }
  }

  @Test
  void whatTheProviderSaysRemainsBindsEveryNode() {
    SharedBucket shared = shared(600);
    LeasedBudget first = leased(shared, 600);
    LeasedBudget second = leased(shared, 600);

    first.drainTo(0);
    scheduler.advance(Duration.ofMillis(5));

    assertThat(second.tryCharge(1)).isFalse();
    scheduler.advance(Duration.ofMillis(5));
    assertThat(second.tryCharge(1)).isFalse();
    assertThat(second.nanosUntilAvailable(1)).isPositive();
  }

  @Test
  void aPauseSeenByOneNodeHoldsEveryNodeForItsLengthAndNoLonger() {
    var settings = LaneSettings.of("paused", 1000, 6000, 100_000_000, 10_000).withPeriod(PERIOD);
    List<PriorityLane> lanes = lanes(settings);
    List<Admission> admissions = drive(lanes, new Random(4), 10, 10, Duration.ofSeconds(3));
    long pausedAt = clock.elapsedNanos();

    // Node 0 is told 429, Retry-After 4 s.
    lanes.get(0).pauseUntil(clock.now().plusSeconds(4));
    admissions.addAll(drive(lanes, new Random(5), 10, 10, Duration.ofSeconds(6)));

    List<Admission> during =
        admissions.stream()
            .filter(a -> a.atNanos() > pausedAt + 10_000_000)
            .filter(a -> a.atNanos() < pausedAt + Duration.ofSeconds(4).toNanos())
            .toList();
    assertThat(during).isEmpty(); // not on node 0, nor on the others
    assertThat(admissions)
        .anyMatch(a -> a.node() != 0 && a.atNanos() > pausedAt + Duration.ofSeconds(5).toNanos());
  }

  @Test
  void aSharedBucketOnSmallerSettingsNeverStallsTheLaneForGood() {
    // The bucket was created by a node with a budget of 600; this node was given 60 000 since.
    SharedBucket small = shared(600);
    LeasedBudget node = leased(small, 60_000); // wants up to its burst of 1 200: more than 12
    assertThat(node.tryCharge(1000)).isFalse();
    scheduler.advance(Duration.ofMillis(5)); // Bucket4j: never; waited at most one period

    assertThat(node.nanosUntilAvailable(1000)).isBetween(1L, PERIOD.toNanos());
    node.reconfigure(60_000, 0.02, PERIOD); // what the lane's settings poll brings to the bucket
    scheduler.advance(Duration.ofMillis(5));
    assertThat(node.tryCharge(1000)).isFalse(); // asks again at once: the wait is gone
    scheduler.advance(Duration.ofMillis(5));
    assertThat(node.tryCharge(1000)).isTrue();
  }

  @Test
  void aRefundBeyondTwoLeasesGoesBackToTheSharedBucket() {
    io.github.bucket4j.Bucket bucket = BucketBudget.localBucket(60_000, 0.02, PERIOD, clock);
    // A lease of 120, a burst of 1 200.
    LeasedBudget node = leased(new ProxyBucket(bucket, 60_000, 0.02, PERIOD), 60_000);
    assertThat(node.tryCharge(100)).isFalse(); // nothing held yet: a top-up of 220 is asked for
    scheduler.advance(Duration.ofMillis(5));
    assertThat(node.tryCharge(100)).isTrue();
    bucket.tryConsume(bucket.getAvailableTokens()); // other nodes spent the rest
    long before = bucket.getAvailableTokens();

    node.refund(1000); // held 1 120, over two leases: all but one lease goes back
    scheduler.advance(Duration.ofMillis(5));

    // 1 000 back, and what refilled in those 5 ms (58 800 per 6 s: about 49).
    assertThat(bucket.getAvailableTokens() - before).isBetween(1000L, 1060L);
  }

  private List<PriorityLane> lanes(LaneSettings settings) {
    SharedBucket requests = shared(settings.requestsPerMinute(), settings);
    SharedBucket tokens = shared(settings.tokensPerMinute(), settings);
    List<PriorityLane> lanes = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      LaneBudgets budgets =
          new LaneBudgets(
              new LeasedBudget(
                  requests,
                  settings.requestsPerMinute(),
                  settings.burstFraction(),
                  settings.period(),
                  database,
                  clock),
              new LeasedBudget(
                  tokens,
                  settings.tokensPerMinute(),
                  settings.burstFraction(),
                  settings.period(),
                  database,
                  clock));
      lanes.add(new PriorityLane(settings, scheduler, clock, budgets));
    }
    return lanes;
  }

  private SharedBucket shared(long perPeriod, LaneSettings settings) {
    return new ProxyBucket(
        BucketBudget.localBucket(perPeriod, settings.burstFraction(), settings.period(), clock),
        perPeriod,
        settings.burstFraction(),
        settings.period());
  }

  private SharedBucket shared(long perPeriod) {
    return new ProxyBucket(
        BucketBudget.localBucket(perPeriod, 0.02, PERIOD, clock), perPeriod, 0.02, PERIOD);
  }

  private LeasedBudget leased(SharedBucket shared, long perPeriod) {
    return new LeasedBudget(shared, perPeriod, 0.02, PERIOD, database, clock);
  }

  /** Keeps 50 calls waiting on every node for PERIODS periods; each admitted call ends at once. */
  private List<Admission> drive(List<PriorityLane> lanes, Random random, int min, int max) {
    return drive(lanes, random, min, max, PERIOD.multipliedBy(PERIODS));
  }

  /** Keeps 50 calls waiting on every node for {@code time}; each admitted call ends at once. */
  private List<Admission> drive(
      List<PriorityLane> lanes, Random random, int min, int max, Duration time) {
    List<Admission> admissions = new ArrayList<>();
    long end = clock.elapsedNanos() + time.toNanos();
    while (clock.elapsedNanos() < end) {
      for (int node = 0; node < lanes.size(); node++) {
        PriorityLane lane = lanes.get(node);
        int waiting = lane.snapshot().waiting().values().stream().mapToInt(i -> i).sum();
        for (int i = waiting; i < 50; i++) {
          long tokens = min + random.nextInt(max - min + 1);
          int n = node;
          CompletableFuture<Permit> permit =
              lane.admit(new AdmissionRequest(Priority.values()[random.nextInt(5)], tokens));
          permit.thenAccept(
              p -> {
                admissions.add(new Admission(n, clock.elapsedNanos(), tokens));
                p.release(tokens);
              });
        }
      }
      scheduler.advance(STEP);
    }
    return admissions;
  }

  /** The most spent in any window of one period, slid by 1 ms and from each admission. */
  private static long maxPerWindow(List<Admission> admissions, boolean tokens) {
    long period = PERIOD.toNanos();
    long end = period * PERIODS;
    long worst = 0;
    for (long start = 0; start < end; start += 1_000_000) {
      worst = Math.max(worst, spent(admissions, start, start + period - 1, tokens));
    }
    for (Admission first : admissions) {
      worst = Math.max(worst, spent(admissions, first.atNanos(), first.atNanos() + period, tokens));
    }
    return worst;
  }

  private static long spent(List<Admission> admissions, long from, long to, boolean tokens) {
    return admissions.stream()
        .filter(a -> a.atNanos() >= from && a.atNanos() <= to)
        .mapToLong(a -> tokens ? a.tokens() : 1)
        .sum();
  }
}
