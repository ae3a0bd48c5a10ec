package dev.sluice.admission;

import static dev.sluice.admission.LaneFixture.permit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A saturated lane admits the most urgent waiting call first, FIFO within a priority, aging up. */
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
  void aLongWaitingBatchCallGoesBeforeANewNormalCall() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    CompletableFuture<Permit> batch = fixture.admit(Priority.BATCH);
    fixture.advance(Duration.ofSeconds(25));
    CompletableFuture<Permit> normal = fixture.admit(Priority.NORMAL);

    running.release(10);

    assertThat(batch).isCompleted();
    assertThat(normal).isNotDone();
  }

  @Test
  void aBatchCallThatWaitedBrieflyStillYieldsToNormal() {
    Permit running = permit(fixture.admit(Priority.NORMAL));
    CompletableFuture<Permit> batch = fixture.admit(Priority.BATCH);
    fixture.advance(Duration.ofSeconds(15));
    CompletableFuture<Permit> normal = fixture.admit(Priority.NORMAL);

    running.release(10);

    assertThat(normal).isCompleted();
    assertThat(batch).isNotDone();
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
