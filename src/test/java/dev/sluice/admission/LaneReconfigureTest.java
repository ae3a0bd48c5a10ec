package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * New settings reach a live lane at once, and nothing queued or in flight is lost: waiting calls
 * keep their place, permits out stay valid, budgets keep what was spent.
 */
class LaneReconfigureTest {

  private static final long NO_LIMIT = 1_000_000_000L;

  @Test
  void raisingMaxInFlightAdmitsWaitingCallsAtOnceInPriorityOrder() {
    LaneFixture fixture = LaneFixture.slots(1, 100);
    var first = fixture.admit(Priority.NORMAL);
    var low = fixture.admit(Priority.LOW);
    var urgent = fixture.admit(Priority.URGENT);
    var normal = fixture.admit(Priority.NORMAL);
    assertThat(List.of(low, urgent, normal)).noneMatch(CompletableFuture::isDone);

    fixture.lane.reconfigure(slots(3, 100));

    assertThat(first).isCompleted();
    assertThat(urgent).isCompleted();
    assertThat(normal).isCompleted();
    assertThat(low).isNotDone();
    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.maxInFlight()).isEqualTo(3);
    assertThat(snapshot.inFlight()).isEqualTo(3);
    assertThat(snapshot.waiting()).containsEntry(Priority.LOW, 1);
  }

  @Test
  void loweringMaxInFlightKeepsPermitsOutAndAdmitsNobodyUntilEnoughFinish() {
    LaneFixture fixture = LaneFixture.slots(3, 100);
    List<Permit> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(LaneFixture.permit(fixture.admit(Priority.NORMAL)));
    }
    var waiting = fixture.admit(Priority.URGENT);

    fixture.lane.reconfigure(slots(1, 100));
    assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(3);
    out.get(0).release(10);
    out.get(1).release(10);

    assertThat(waiting).isNotDone();
    assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(1);

    out.get(2).release(10);

    assertThat(waiting).isCompleted();
    assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(1);
  }

  @Test
  void loweringMaxQueuedKeepsTheQueuedCallsAndRefusesOnlyNewArrivals() {
    LaneFixture fixture = LaneFixture.slots(1, 10);
    Permit running = LaneFixture.permit(fixture.admit(Priority.NORMAL));
    List<CompletableFuture<Permit>> queued = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      queued.add(fixture.admit(Priority.NORMAL));
    }

    fixture.lane.reconfigure(slots(1, 2));

    assertThat(queued).noneMatch(CompletableFuture::isDone);
    assertThat(fixture.lane.snapshot().waiting()).containsEntry(Priority.NORMAL, 5);
    assertThat(fixture.lane.snapshot().maxQueued()).isEqualTo(2);
    var refused = fixture.admit(Priority.URGENT);
    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.handle((permit, error) -> error).join())
        .isInstanceOf(AdmissionRejectedException.class);

    // The queued calls all get their turn, in order.
    running.release(10);
    for (CompletableFuture<Permit> call : queued) {
      assertThat(call).isCompleted();
      call.join().release(10);
    }
    assertThat(fixture.lane.snapshot().inFlight()).isZero();
    assertThat(fixture.admit(Priority.NORMAL)).isCompleted();
  }

  @Test
  void raisingTheRequestBudgetAdmitsACallWaitingForItWithoutWaitingForTheRefill() {
    // 60 a minute: a burst of 2, then one a second or so.
    LaneFixture fixture = new LaneFixture(LaneSettings.of("rpm", 100, 60, NO_LIMIT, 100));
    fixture.admit(Priority.NORMAL);
    fixture.admit(Priority.NORMAL);
    var third = fixture.admit(Priority.NORMAL);
    assertThat(third).isNotDone();

    fixture.lane.reconfigure(LaneSettings.of("rpm", 100, 6000, NO_LIMIT, 100));

    assertThat(third).isCompleted();
    assertThat(fixture.lane.snapshot().requestsPerMinute()).isEqualTo(6000);
  }

  @Test
  void raisingABudgetFreesOnlyTheExtraRoomNotAFreshBucket() {
    // 100 a minute: a burst of 2. 200 a minute: a burst of 4, so 2 more at once, not 4.
    LaneFixture fixture = new LaneFixture(LaneSettings.of("rpm", 100, 100, NO_LIMIT, 100));
    List<CompletableFuture<Permit>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(fixture.admit(Priority.NORMAL));
    }
    assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(2);

    fixture.lane.reconfigure(LaneSettings.of("rpm", 100, 200, NO_LIMIT, 100));

    assertThat(calls.stream().filter(CompletableFuture::isDone)).hasSize(4);
    assertThat(fixture.lane.snapshot().requestsAvailable()).isZero();
  }

  @Test
  void aLowerRequestBudgetHoldsOverTheNextPeriod() {
    Duration period = Duration.ofSeconds(6);
    LaneFixture fixture =
        new LaneFixture(LaneSettings.of("slow", 1000, 6000, NO_LIMIT, 10_000).withPeriod(period));
    fixture.lane.reconfigure(
        LaneSettings.of("slow", 1000, 60, NO_LIMIT, 10_000).withPeriod(period));
    List<Long> admittedAt = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      fixture
          .admit(Priority.NORMAL)
          .thenAccept(
              permit -> {
                admittedAt.add(fixture.clock.elapsedNanos());
                permit.release(10);
              });
    }

    fixture.advance(period.minusNanos(1));

    // The old bucket held 120; only the new burst of 2 is left, then 58 refill over the period.
    assertThat(admittedAt).hasSizeBetween(55, 60);
    assertThat(fixture.lane.snapshot().requestsPerMinute()).isEqualTo(60);
  }

  @Test
  void raisingTheTokenBudgetAdmitsACallWaitingForTokens() {
    // 10 000 tokens a minute: a burst of 200.
    LaneFixture fixture = new LaneFixture(LaneSettings.of("tpm", 100, NO_LIMIT, 10_000, 100));
    fixture.admit(Priority.NORMAL, 150);
    var waiting = fixture.admit(Priority.NORMAL, 150);
    assertThat(waiting).isNotDone();

    fixture.lane.reconfigure(LaneSettings.of("tpm", 100, NO_LIMIT, 100_000, 100));

    assertThat(waiting).isCompleted();
  }

  @Test
  void aTokenDebtStaysOwedWhenTheBudgetIsRaised() {
    LaneFixture fixture = new LaneFixture(LaneSettings.of("debt", 100, NO_LIMIT, 10_000, 100));
    // An estimate of 1 000 against a burst of 200 overdraws the bucket to -800.
    assertThat(fixture.admit(Priority.NORMAL, 1000)).isCompleted();
    assertThat(fixture.lane.snapshot().tokensAvailable()).isEqualTo(-800);

    // A burst of 400: 200 more room, so 600 still owed.
    fixture.lane.reconfigure(LaneSettings.of("debt", 100, NO_LIMIT, 20_000, 100));

    assertThat(fixture.lane.snapshot().tokensAvailable()).isEqualTo(-600);
    assertThat(fixture.admit(Priority.NORMAL, 10)).isNotDone();
  }

  @Test
  void theSameSettingsAgainChangeNothing() {
    LaneSettings settings = LaneSettings.of("same", 100, 100, 10_000, 100);
    LaneFixture fixture = new LaneFixture(settings);
    fixture.admit(Priority.NORMAL, 150);
    LaneSnapshot before = fixture.lane.snapshot();

    fixture.lane.reconfigure(settings);

    assertThat(fixture.lane.snapshot()).isEqualTo(before);
  }

  @Test
  void aPausedLaneStaysPausedWhateverItsNewLimits() {
    LaneFixture fixture = LaneFixture.slots(1, 100);
    fixture.lane.pauseUntil(fixture.clock.now().plusSeconds(5));
    var waiting = fixture.admit(Priority.URGENT);

    fixture.lane.reconfigure(slots(10, 100));

    assertThat(waiting).isNotDone();
    fixture.advance(Duration.ofSeconds(5));
    assertThat(waiting).isCompleted();
  }

  @Test
  void aShorterAgingStepLetsAnOldCallTakeTheOldestTurnSooner() {
    LaneSettings slow = slots(1, 100).withAgingStep(Duration.ofMinutes(10));
    LaneFixture fixture = new LaneFixture(slow);
    Permit running = LaneFixture.permit(fixture.admit(Priority.NORMAL));
    var batch = fixture.admit(Priority.BATCH);
    List<CompletableFuture<Permit>> urgent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      urgent.add(fixture.admit(Priority.URGENT));
    }
    fixture.advance(Duration.ofSeconds(2));

    fixture.lane.reconfigure(slow.withAgingStep(Duration.ofSeconds(1)));
    // Admissions so far: 1. The 4th admission is the oldest call's turn once it has aged.
    running.release(10);
    urgent.get(0).join().release(10);
    urgent.get(1).join().release(10);

    assertThat(batch).isCompleted();
    assertThat(urgent.get(2)).isNotDone();
  }

  @Test
  void settingsOfAnotherLaneAreRefused() {
    LaneFixture fixture = LaneFixture.slots(1, 1);

    assertThatThrownBy(() -> fixture.lane.reconfigure(LaneSettings.of("other", 1, 1, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  @Test
  void aNewPeriodStartsTheUsageCountAfresh() {
    LaneFixture fixture = LaneFixture.slots(10, 100);
    fixture.admit(Priority.NORMAL).join().release(10);
    assertThat(fixture.lane.snapshot().requestsLastMinute()).isEqualTo(1);

    fixture.lane.reconfigure(slots(10, 100).withPeriod(Duration.ofSeconds(6)));

    assertThat(fixture.lane.snapshot().requestsLastMinute()).isZero();
    fixture.admit(Priority.NORMAL).join().release(10);
    assertThat(fixture.lane.snapshot().requestsLastMinute()).isEqualTo(1);
  }

  /**
   * Admits, releases, cancels, time and limit changes in random order: no call is ever admitted
   * while the lane is at its limit of the moment, and no slot leaks.
   */
  @Test
  void randomChangesNeverAdmitPastTheLimitOfTheMomentNorLeakASlot() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      LaneSettings base =
          LaneSettings.of("mix", 3, 200, 20_000, 20).withPeriod(Duration.ofSeconds(6));
      LaneFixture fixture = new LaneFixture(base);
      int limit = 3;
      List<CompletableFuture<Permit>> calls = new ArrayList<>();
      List<Permit> held = new ArrayList<>();
      for (int step = 0; step < 500; step++) {
        int heldBefore = held.size();
        int action = random.nextInt(12);
        if (action < 5) {
          calls.add(fixture.admit(Priority.values()[random.nextInt(5)], 1 + random.nextInt(300)));
        } else if (action < 6 && !calls.isEmpty()) {
          calls.get(random.nextInt(calls.size())).cancel(false);
        } else if (action < 8) {
          collect(calls, held);
          heldBefore = held.size();
          if (!held.isEmpty()) {
            held.remove(random.nextInt(held.size())).release(random.nextInt(400));
            heldBefore--;
          }
        } else if (action < 10) {
          limit = 1 + random.nextInt(5);
          fixture.lane.reconfigure(
              LaneSettings.of(
                      "mix", limit, 100 + random.nextInt(200), 10_000 + random.nextInt(20_000), 20)
                  .withPeriod(Duration.ofSeconds(6)));
        } else {
          fixture.advance(Duration.ofMillis(random.nextInt(200)));
        }
        collect(calls, held);
        if (held.size() > heldBefore) {
          assertThat(held.size()).as("seed %d step %d", seed, step).isLessThanOrEqualTo(limit);
        }
        assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(held.size());
      }
      calls.forEach(call -> call.cancel(false));
      collect(calls, held);
      held.forEach(permit -> permit.release(0));
      assertThat(fixture.lane.snapshot().inFlight()).isZero();
      assertThat(fixture.lane.snapshot().waiting().values()).containsOnly(0);
    }
  }

  private static LaneSettings slots(int maxInFlight, int maxQueued) {
    return LaneSettings.of("test", maxInFlight, 1_000_000, NO_LIMIT, maxQueued);
  }

  /** Moves newly admitted calls' permits to {@code held}. */
  private static void collect(List<CompletableFuture<Permit>> calls, List<Permit> held) {
    calls.removeIf(
        call -> {
          if (!call.isDone()) {
            return false;
          }
          if (!call.isCompletedExceptionally()) {
            held.add(call.join());
          }
          return true;
        });
  }
}
