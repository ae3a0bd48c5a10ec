package dev.sluice.documents.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisKind;
import jakarta.batch.operations.NoSuchJobExecutionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A batch an earlier run left running ends failed, ready to restart, whatever the batch runtime
 * still says of its dead execution (JBeret: started); one the runtime saw end takes that end.
 */
class InterruptedBatchesTest {

  private final Map<String, AnalysisBatch> rows = new HashMap<>();
  private final Map<Long, BatchState> runtime = new HashMap<>();

  @Test
  void aBatchWhoseExecutionStillSaysStartedEndsFailedAndRestartable() {
    AnalysisBatch left = batch(7, BatchState.STARTED);
    runtime.put(7L, BatchState.STARTED);

    assertThat(recovery().endLeftRunning()).isEqualTo(1);

    assertThat(left.status()).isEqualTo(BatchState.FAILED);
    assertThat(left.status().isRestartable()).isTrue();
  }

  @Test
  void aStoppingBatchAndOneTheRuntimeForgotEndFailedToo() {
    AnalysisBatch stopping = batch(8, BatchState.STOPPING);
    runtime.put(8L, BatchState.STOPPING);
    AnalysisBatch forgotten = batch(9, BatchState.STARTED);

    assertThat(recovery().endLeftRunning()).isEqualTo(2);

    assertThat(stopping.status()).isEqualTo(BatchState.FAILED);
    assertThat(forgotten.status()).isEqualTo(BatchState.FAILED);
  }

  @Test
  void aBatchTheRuntimeSawEndTakesThatEnd() {
    AnalysisBatch completed = batch(10, BatchState.STARTED);
    runtime.put(10L, BatchState.COMPLETED);
    AnalysisBatch failed = batch(11, BatchState.STARTED);
    runtime.put(11L, BatchState.FAILED);

    recovery().endLeftRunning();

    assertThat(completed.status()).isEqualTo(BatchState.COMPLETED);
    assertThat(failed.status()).isEqualTo(BatchState.FAILED);
  }

  private InterruptedBatches recovery() {
    InterruptedBatches recovery = new InterruptedBatches();
    recovery.store = new Rows();
    recovery.jobs = new Runtime();
    return recovery;
  }

  private AnalysisBatch batch(long execution, BatchState state) {
    BatchDraft draft =
        new BatchDraft(List.of(AnalysisKind.SUMMARY), null, Priority.BATCH, 8, 4, null, null);
    AnalysisBatch batch = AnalysisBatch.create("demo", draft, 3, Clock.systemUTC());
    batch.started(execution, Clock.systemUTC());
    batch.moveTo(state, Clock.systemUTC());
    rows.put(batch.id(), batch);
    return batch;
  }

  /** The rows: the running ones, and moves with the store's rules. */
  private final class Rows extends BatchStore {
    @Override
    public List<AnalysisBatch> runningBatches() {
      return new ArrayList<>(rows.values().stream().filter(b -> !b.status().isFinal()).toList());
    }

    @Override
    public Optional<AnalysisBatch> batch(String batchId) {
      return Optional.ofNullable(rows.get(batchId));
    }

    @Override
    public void moveTo(String batchId, BatchState state) {
      rows.get(batchId).moveTo(state, Clock.systemUTC());
    }
  }

  /** The batch runtime's repository: an execution it no longer knows is not there. */
  private final class Runtime extends JobControl {
    @Override
    public BatchState state(long executionId) {
      BatchState state = runtime.get(executionId);
      if (state == null) {
        throw new NoSuchJobExecutionException("no execution " + executionId);
      }
      return state;
    }
  }
}
