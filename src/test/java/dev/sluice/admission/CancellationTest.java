package dev.sluice.admission;

import static dev.sluice.admission.LaneFixture.permit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancelling a waiting call takes it out of line; no permit ever leaks. */
class CancellationTest {

  private final LaneFixture fixture = LaneFixture.slots(1, 10);

  @Test
  void aCancelledWaiterLeavesTheQueueAndTheNextOneIsAdmitted() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    CompletableFuture<Permit> cancelled = fixture.admit(Priority.HIGH);
    CompletableFuture<Permit> next = fixture.admit(Priority.LOW);

    assertThat(cancelled.cancel(false)).isTrue();
    assertThat(fixture.lane.snapshot().waiting()).containsEntry(Priority.HIGH, 0);
    running.release(10);

    assertThat(next).isCompleted();
    assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(1);
  }

  @Test
  void aWaiterTimedOutByItsCallerAlsoLeavesTheQueue() {
    permit(fixture.admit(Priority.NORMAL));
    CompletableFuture<Permit> waiting = fixture.admit(Priority.NORMAL);

    waiting.completeExceptionally(new java.util.concurrent.TimeoutException());

    assertThat(fixture.lane.snapshot().waiting()).containsEntry(Priority.NORMAL, 0);
  }

  @Test
  void cancelAfterAdmissionChangesNothingAndReleaseFreesTheSlot() {
    CompletableFuture<Permit> admitted = fixture.admit(Priority.NORMAL);
    CompletableFuture<Permit> waiting = fixture.admit(Priority.NORMAL);

    assertThat(admitted.cancel(true)).isFalse();
    assertThat(fixture.lane.snapshot().inFlight()).isEqualTo(1);
    permit(admitted).release(10);

    assertThat(waiting).isCompleted();
  }

  @Test
  void releasingTwiceIsHarmless() {
    Permit permit = permit(fixture.admit(Priority.NORMAL));
    Permit second = permit(fixture.admit(Priority.NORMAL).orTimeout(1, TimeUnit.DAYS));
    assertThat(second).isNull();

    permit.release(10);
    permit.release(10);

    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.inFlight()).isEqualTo(1);
    assertThat(snapshot.admitted()).isEqualTo(2);
  }

  @Test
  void aCallCompletedByItsCallerJustBeforeAdmissionGivesTheSlotBack() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    CompletableFuture<Permit> raced = fixture.admit(Priority.NORMAL);
    CompletableFuture<Permit> next = fixture.admit(Priority.NORMAL);
    // The caller's own completion wins; the lane's permit must not count as taken.
    raced.obtrudeValue(null);

    running.release(10);

    assertThat(next).isCompleted();
    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.inFlight()).isEqualTo(1);
    assertThat(snapshot.admitted()).isEqualTo(2);
  }
}
