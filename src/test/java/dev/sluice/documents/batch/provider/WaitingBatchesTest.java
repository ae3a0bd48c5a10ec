package dev.sluice.documents.batch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.documents.batch.BatchState;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitingBatchesTest {

  private final Set<String> withUncollected = Set.of("busy");
  private final WaitingBatches waiting = new WaitingBatches();

  {
    waiting.providerBatches =
        new ProviderBatchStore() {
          @Override
          public boolean anyUncollected(String batchId) {
            return withUncollected.contains(batchId);
          }
        };
  }

  @Test
  void aCompletedJobWithProviderBatchesStillWorkingLeavesTheBatchWaiting() {
    assertThat(waiting.whileWaiting("busy", BatchState.COMPLETED)).contains(BatchState.WAITING);
  }

  @Test
  void aStoppedJobWithProviderBatchesStillWorkingLeavesTheBatchStoppingUntilTheyEnd() {
    assertThat(waiting.whileWaiting("busy", BatchState.STOPPED)).contains(BatchState.STOPPING);
  }

  @Test
  void aFailedJobAndABatchWithNothingAtTheProviderEndWithTheJob() {
    assertThat(waiting.whileWaiting("busy", BatchState.FAILED)).isEmpty();
    assertThat(waiting.whileWaiting("busy", BatchState.ABANDONED)).isEmpty();
    assertThat(waiting.whileWaiting("idle", BatchState.COMPLETED)).isEqualTo(Optional.empty());
    assertThat(waiting.whileWaiting("idle", BatchState.STOPPED)).isEmpty();
  }
}
