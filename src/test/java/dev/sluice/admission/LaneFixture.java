package dev.sluice.admission;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A lane on a manual clock and scheduler, with shorthands for the tests. */
final class LaneFixture {

  final ManualClock clock = new ManualClock();
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final PriorityLane lane;

  LaneFixture(LaneSettings settings) {
    lane = new PriorityLane(settings, scheduler, clock);
  }

  /** A lane whose budgets never bind: only slots, priorities and pauses matter. */
  static LaneFixture slots(int maxInFlight, int maxQueued) {
    return new LaneFixture(
        LaneSettings.of("test", maxInFlight, 1_000_000, 1_000_000_000, maxQueued));
  }

  CompletableFuture<Permit> admit(Priority priority, long tokens) {
    return lane.admit(new AdmissionRequest(priority, tokens));
  }

  CompletableFuture<Permit> admit(Priority priority) {
    return admit(priority, 10);
  }

  void advance(Duration duration) {
    scheduler.advance(duration);
  }

  static Permit permit(CompletableFuture<Permit> future) {
    return future.getNow(null);
  }
}
