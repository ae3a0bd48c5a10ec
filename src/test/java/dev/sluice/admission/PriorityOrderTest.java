package dev.sluice.admission;

import static dev.sluice.admission.LaneFixture.permit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A saturated lane admits the most urgent waiting call first, FIFO within a priority, and keeps a
 * share of admissions for the longest-waiting call.
 */
class PriorityOrderTest {

  private final LaneFixture fixture = LaneFixture.slots(1, 100);
  private final List<String> order = new ArrayList<>();

  @Test
  void eachReleaseAdmitsTheMostUrgentThenTheEarliest() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    queue("batch", Priority.BATCH);
    queue("low", Priority.LOW);
    queue("high-1", Priority.HIGH);
    queue("urgent", Priority.URGENT);
    queue("high-2", Priority.HIGH);
    assertThat(order).isEmpty();

    running.release(10);

    assertThat(order).containsExactly("urgent", "high-1", "high-2", "low", "batch");
  }

  @Test
  void anArrivingHighCallOvertakesWaitingBatchCallsAtTheNextRelease() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    queue("batch-1", Priority.BATCH);
    queue("batch-2", Priority.BATCH);
    fixture.advance(Duration.ofSeconds(1));
    CompletableFuture<Permit> high = fixture.admit(Priority.HIGH);

    running.release(10);

    assertThat(high).isCompleted();
    assertThat(fixture.lane.snapshot().waiting()).containsEntry(Priority.BATCH, 2);
  }

  @Test
  void aBatchCallThatWaitedPastTheAgingStepGetsEveryFourthAdmissionDespiteUrgentTraffic() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    queue("batch", Priority.BATCH);
    fixture.advance(Duration.ofSeconds(11));
    for (int i = 1; i <= 6; i++) {
      queue("high-" + i, Priority.HIGH);
    }

    running.release(10);

    // Admissions 2 and 3 go to the most urgent, the 4th to the call that waited longest.
    assertThat(order)
        .containsExactly("high-1", "high-2", "batch", "high-3", "high-4", "high-5", "high-6");
  }

  @Test
  void aBatchCallThatWaitedLessThanTheAgingStepStillYieldsToEveryHigherCall() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    queue("batch", Priority.BATCH);
    fixture.advance(Duration.ofSeconds(5));
    for (int i = 1; i <= 6; i++) {
      queue("high-" + i, Priority.HIGH);
    }

    running.release(10);

    assertThat(order).last().isEqualTo("batch");
  }

  @Test
  void aSteadyBacklogOfOldBatchCallsNeverPushesNewHighCallsBehindIt() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    for (int i = 0; i < 20; i++) {
      fixture.admit(Priority.BATCH);
    }
    fixture.advance(Duration.ofMinutes(5));
    queue("high", Priority.HIGH);

    running.release(10);

    assertThat(order).containsExactly("high");
  }

  /** Queues a call that, once admitted, records its label and releases at once. */
  private void queue(String label, Priority priority) {
    fixture
        .admit(priority)
        .thenAccept(
            permit -> {
              order.add(label);
              permit.release(10);
            });
  }
}
