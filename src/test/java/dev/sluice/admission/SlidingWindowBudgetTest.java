package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Budgets hold over every sliding window of one period while demand far exceeds them. */
class SlidingWindowBudgetTest {

  private static final Duration PERIOD = Duration.ofSeconds(6);
  private static final int PERIODS = 6;
  private static final Duration STEP = Duration.ofMillis(10);

  private record Admission(long atNanos, long tokens) {}

  @Test
  void requestBudgetHoldsInEveryWindowAndIsNearlyUsedUp() {
    var settings = LaneSettings.of("rpm", 1000, 100, 1_000_000, 10_000).withPeriod(PERIOD);
    List<Admission> admissions = drive(settings, new Random(1), 10, 10);

    assertThat(maxPerWindow(admissions, false)).isLessThanOrEqualTo(100);
    assertThat((long) admissions.size()).isGreaterThanOrEqualTo(Math.round(0.95 * 100 * PERIODS));
  }

  @Test
  void tokenBudgetHoldsInEveryWindowAndIsNearlyUsedUp() {
    var settings = LaneSettings.of("tpm", 1000, 100_000, 10_000, 10_000).withPeriod(PERIOD);
    // Every estimate fits the bucket's capacity of 200 (2 % of 10 000).
    List<Admission> admissions = drive(settings, new Random(2), 20, 200);

    assertThat(maxPerWindow(admissions, true)).isLessThanOrEqualTo(10_000);
    long charged = admissions.stream().mapToLong(Admission::tokens).sum();
    assertThat(charged).isGreaterThanOrEqualTo(Math.round(0.95 * 10_000 * PERIODS));
  }

  @Test
  void anOversizedEstimateOvershootsOneWindowByItsExcessOnly() {
    var settings = LaneSettings.of("big", 1000, 100_000, 10_000, 10_000).withPeriod(PERIOD);
    // Estimates up to 1 000 against a capacity of 200: each is an overdraft of up to 800.
    List<Admission> admissions = drive(settings, new Random(3), 100, 1000);

    assertThat(admissions).anyMatch(admission -> admission.tokens() > 200);
    assertThat(maxPerWindow(admissions, true)).isLessThanOrEqualTo(10_000 + (1000 - 200));
    long charged = admissions.stream().mapToLong(Admission::tokens).sum();
    assertThat(charged).isGreaterThanOrEqualTo(Math.round(0.95 * 10_000 * PERIODS));
  }

  @Test
  void aBudgetTooLargeForTheBucketMeansNoLimitRatherThanAnError() {
    var settings = LaneSettings.of("huge", 1000, 100_000_000, 100_000_000_000L, 10_000);

    var fixture = new LaneFixture(settings);

    assertThat(fixture.lane.snapshot()).isNotNull();
  }

  /** Keeps 50 calls waiting at all times for PERIODS periods; each admitted call ends at once. */
  private static List<Admission> drive(LaneSettings settings, Random random, int min, int max) {
    var fixture = new LaneFixture(settings);
    List<Admission> admissions = new ArrayList<>();
    long end = PERIOD.toNanos() * PERIODS;
    while (fixture.clock.elapsedNanos() < end) {
      int waiting = fixture.lane.snapshot().waiting().values().stream().mapToInt(i -> i).sum();
      for (int i = waiting; i < 50; i++) {
        long tokens = min + random.nextInt(max - min + 1);
        fixture
            .admit(Priority.values()[random.nextInt(5)], tokens)
            .thenAccept(
                permit -> {
                  admissions.add(new Admission(fixture.clock.elapsedNanos(), tokens));
                  permit.release(tokens);
                });
      }
      fixture.advance(STEP);
    }
    return admissions;
  }

  /**
   * The most spent in any window of one period: windows slid by 1 ms, and closed windows starting
   * at each admission (the worst case for a token bucket).
   */
  private static long maxPerWindow(List<Admission> admissions, boolean tokens) {
    long period = PERIOD.toNanos();
    long end = PERIOD.toNanos() * PERIODS;
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
        .filter(admission -> admission.atNanos() >= from && admission.atNanos() <= to)
        .mapToLong(admission -> tokens ? admission.tokens() : 1)
        .sum();
  }
}
