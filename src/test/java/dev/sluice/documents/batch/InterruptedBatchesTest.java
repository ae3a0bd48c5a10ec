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
 * A batch left running by a node that ended is taken over: resumed as a new execution on the node
 * that claims it, whatever the batch runtime still says of its dead execution; one being stopped
 * ends stopped, one the runtime saw end takes that end, and one another node claimed first is left
 * alone. (Which batches are orphans is the store's query, run inside the container.)
 */
class InterruptedBatchesTest {

  private final Map<String, AnalysisBatch> rows = new HashMap<>();
  private final Map<Long, BatchState> runtime = new HashMap<>();
  private final List<String> started = new ArrayList<>();
  private final java.util.Set<String> claimedElsewhere = new java.util.HashSet<>();
  private long nextExecution = 100;

  @Test
  void anOrphanWhoseExecutionDiedIsResumedHereAsANewExecution() {
    AnalysisBatch stillStarted = batch(7, BatchState.STARTED);
    runtime.put(7L, BatchState.STARTED); // Liberty until its server returns; JBeret for ever
    AnalysisBatch failed = batch(8, BatchState.STARTED);
    runtime.put(8L, BatchState.FAILED); // Liberty, its server started again
    AnalysisBatch forgotten = batch(9, BatchState.STARTED); // the runtime lost it

    assertThat(recovery().takeOverOrphans()).isEqualTo(3);

    for (AnalysisBatch batch : List.of(stillStarted, failed, forgotten)) {
      assertThat(batch.status()).isEqualTo(BatchState.STARTED);
      assertThat(batch.executionId()).isGreaterThanOrEqualTo(100);
      assertThat(batch.ownerNode()).isEqualTo("this-node");
    }
    assertThat(started).containsExactlyInAnyOrder(stillStarted.id(), failed.id(), forgotten.id());
  }

  @Test
  void anOrphanBeingStoppedEndsStoppedAndOneTheRuntimeSawEndTakesThatEnd() {
    AnalysisBatch stopping = batch(10, BatchState.STOPPING);
    runtime.put(10L, BatchState.STOPPING);
    AnalysisBatch completed = batch(11, BatchState.STARTED);
    runtime.put(11L, BatchState.COMPLETED);
    AnalysisBatch abandoned = batch(12, BatchState.STARTED);
    runtime.put(12L, BatchState.ABANDONED);

    recovery().takeOverOrphans();

    assertThat(stopping.status()).isEqualTo(BatchState.STOPPED);
    assertThat(completed.status()).isEqualTo(BatchState.COMPLETED);
    assertThat(abandoned.status()).isEqualTo(BatchState.ABANDONED);
    assertThat(started).isEmpty();
  }

  @Test
  void anOrphanAnotherNodeClaimedFirstIsLeftToIt() {
    AnalysisBatch taken = batch(13, BatchState.STARTED);
    claimedElsewhere.add(taken.id());

    assertThat(recovery().takeOverOrphans()).isZero();

    assertThat(taken.executionId()).isEqualTo(13);
    assertThat(started).isEmpty();
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
    public List<AnalysisBatch> orphanedBatches() {
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

    @Override
    public boolean claimOrphan(String batchId, String formerOwner) {
      return !claimedElsewhere.contains(batchId);
    }

    @Override
    public void started(String batchId, long executionId) {
      AnalysisBatch batch = rows.get(batchId);
      batch.started(executionId, Clock.systemUTC());
      batch.ownedBy("this-node");
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

    @Override
    public long start(String batchId, boolean viaProvider) {
      started.add(batchId);
      return nextExecution++;
    }
  }
}
