package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Whatever the sequence of admits, releases and cancels, at most maxInFlight permits are out. */
class InFlightCapTest {

  @Test
  void randomSequencesNeverExceedTheCapNorLeakASlot() {
    for (long seed = 1; seed <= 20; seed++) {
      runSequence(new Random(seed));
    }
  }

  private static void runSequence(Random random) {
    var fixture =
        new LaneFixture(
            LaneSettings.of("cap", 3, 200, 20_000, 20).withPeriod(Duration.ofSeconds(6)));
    List<CompletableFuture<Permit>> calls = new ArrayList<>();
    List<Permit> held = new ArrayList<>();
    for (int step = 0; step < 500; step++) {
      int action = random.nextInt(10);
      if (action < 5) {
        calls.add(fixture.admit(Priority.values()[random.nextInt(5)], 1 + random.nextInt(300)));
      } else if (action < 7 && !calls.isEmpty()) {
        calls.get(random.nextInt(calls.size())).cancel(false);
      } else if (action < 9) {
        collect(calls, held);
        if (!held.isEmpty()) {
          held.remove(random.nextInt(held.size())).release(random.nextInt(400));
        }
      } else {
        fixture.advance(Duration.ofMillis(random.nextInt(200)));
      }
      collect(calls, held);
      assertThat(held.size()).isLessThanOrEqualTo(3);
      assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(held.size());
    }
    calls.forEach(call -> call.cancel(false));
    collect(calls, held);
    held.forEach(permit -> permit.release(0));
    assertThat(fixture.lane.snapshot().inFlight()).isZero();
    assertThat(fixture.lane.snapshot().waiting().values()).containsOnly(0);
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
