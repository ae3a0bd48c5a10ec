package dev.sluice.admission;

import static dev.sluice.admission.LaneFixture.permit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Races between threads, and continuations that release at once, leave the lane consistent. */
class ConcurrencyTest {

  @Test
  void continuationsThatReleaseAtOnceDoNotRecursePerWaiter() {
    LaneFixture fixture = LaneFixture.slots(1, 100_000);
    Permit first = permit(fixture.admit(Priority.NORMAL));
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < 15_000; i++) {
      fixture
          .admit(Priority.NORMAL)
          .thenAccept(
              permit -> {
                done.incrementAndGet();
                permit.release(10);
              });
    }

    first.release(10);

    assertThat(done).hasValue(15_000);
    assertThat(fixture.lane.snapshot().inFlight()).isZero();
  }

  @Test
  void cancelsRacingAdmissionsNeverLeakASlot() throws Exception {
    LaneFixture fixture = LaneFixture.slots(2, 100_000);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Random random = new Random(t);
        runs.add(threads.submit(() -> race(fixture, random)));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.inFlight()).isZero();
    assertThat(snapshot.waiting().values()).containsOnly(0);
  }

  private static void race(LaneFixture fixture, Random random) {
    List<CompletableFuture<Permit>> mine = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      CompletableFuture<Permit> call = fixture.admit(Priority.values()[random.nextInt(5)]);
      call.thenAccept(permit -> permit.release(random.nextInt(20)));
      mine.add(call);
      if (random.nextBoolean()) {
        mine.get(random.nextInt(mine.size())).cancel(false);
      }
    }
    mine.forEach(call -> call.cancel(false));
  }
}
