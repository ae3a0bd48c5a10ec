package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch's progress read at chosen instants: one second of processing for eight items is 100 ms
 * validating, one item every 100 ms, 100 ms finalizing.
 */
class SimulatorBatchTimelineTest {

  private static final long T0 = 1_700_000_000_000L;

  @Test
  void itemsFinishEvenlyBetweenValidatingAndFinalizing() {
    SimulatedBatch batch = batch(8, -1, -1);
    assertThat(batch.status(T0)).isEqualTo(SimulatedBatch.Status.VALIDATING);
    assertThat(batch.inProgressAt(T0 + 99)).isNull();
    assertThat(batch.status(T0 + 100)).isEqualTo(SimulatedBatch.Status.IN_PROGRESS);
    assertThat(batch.finished(T0 + 199)).isZero();
    assertThat(batch.finished(T0 + 200)).isEqualTo(1);
    assertThat(batch.finished(T0 + 550)).isEqualTo(4);
    assertThat(batch.status(T0 + 900)).isEqualTo(SimulatedBatch.Status.FINALIZING);
    assertThat(batch.finished(T0 + 900)).isEqualTo(8);
    assertThat(batch.ended(T0 + 999)).isFalse();
    assertThat(batch.status(T0 + 1000)).isEqualTo(SimulatedBatch.Status.COMPLETED);
    assertThat(batch.finalizingAt(T0 + 1000)).isEqualTo(T0 + 900);
  }

  @Test
  void failedItemsAreCountedAsTheyFinish() {
    SimulatedBatch batch = batch(8, -1, 2);
    assertThat(batch.counts(T0 + 300)).isEqualTo(new SimulatedBatch.Counts(2, 0, 6));
    assertThat(batch.counts(T0 + 400)).isEqualTo(new SimulatedBatch.Counts(2, 1, 5));
    assertThat(batch.itemState(2, T0 + 400)).isEqualTo(SimulatedBatch.ItemState.ERRORED);
  }

  @Test
  void anExpiringItemEndsTheBatchWhenItWouldHaveFinished() {
    SimulatedBatch batch = batch(8, 3, -1);
    assertThat(batch.status(T0 + 499)).isEqualTo(SimulatedBatch.Status.IN_PROGRESS);
    assertThat(batch.status(T0 + 500)).isEqualTo(SimulatedBatch.Status.EXPIRED);
    assertThat(batch.finished(T0 + 5000)).isEqualTo(3);
    assertThat(batch.itemState(2, T0 + 500)).isEqualTo(SimulatedBatch.ItemState.SUCCEEDED);
    assertThat(batch.itemState(3, T0 + 500)).isEqualTo(SimulatedBatch.ItemState.EXPIRED);
    assertThat(batch.finalizingAt(T0 + 5000)).isNull();
  }

  @Test
  void aCancelStopsTheItemsAndEndsTheBatchATenthLater() {
    SimulatedBatch batch = batch(8, -1, -1);
    assertThat(batch.cancel(T0 + 350)).isTrue();
    assertThat(batch.status(T0 + 350)).isEqualTo(SimulatedBatch.Status.CANCELLING);
    assertThat(batch.cancel(T0 + 360)).isTrue();
    assertThat(batch.status(T0 + 450)).isEqualTo(SimulatedBatch.Status.CANCELLED);
    assertThat(batch.finished(T0 + 5000)).isEqualTo(2);
    assertThat(batch.itemState(2, T0 + 449)).isEqualTo(SimulatedBatch.ItemState.PENDING);
    assertThat(batch.itemState(2, T0 + 450)).isEqualTo(SimulatedBatch.ItemState.CANCELLED);
    assertThat(batch.cancel(T0 + 450)).isFalse();
    assertThat(batch(8, -1, -1).cancel(T0 + 1000)).isFalse();
  }

  @Test
  void noProcessingTimeEndsAtOnce() {
    SimulatedBatch batch =
        new SimulatedBatch("b", 1, T0, Duration.ZERO, items(3, -1, -1), new JsonObject());
    assertThat(batch.status(T0)).isEqualTo(SimulatedBatch.Status.COMPLETED);
    assertThat(batch.finished(T0)).isEqualTo(3);
  }

  private static SimulatedBatch batch(int size, int expiring, int failing) {
    return new SimulatedBatch(
        "b", 1, T0, Duration.ofSeconds(1), items(size, expiring, failing), new JsonObject());
  }

  private static List<BatchItem> items(int size, int expiring, int failing) {
    List<BatchItem> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(
          new BatchItem(
              "c" + i, "req_" + i, i == failing ? 500 : 200, new JsonObject(), i == expiring));
    }
    return items;
  }
}
