package dev.sluice.documents.batch.provider;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchFinished;
import dev.sluice.documents.batch.BatchJobMetrics;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.JobControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A provider-mode batch outlives its job: the job ends once its provider batches are created, and
 * the batch waits ({@link BatchState#WAITING}, or {@link BatchState#STOPPING} when stopped) until
 * the last of them is collected. Then it ends here, announced as a batch ending in its job is.
 */
@ApplicationScoped
public class WaitingBatches {

  @Inject ProviderBatchStore providerBatches;
  @Inject BatchStore batches;
  @Inject BatchJobMetrics metrics;
  @Inject JobControl jobs;
  @Inject Event<BatchFinished> finished;

  /** Ends every waiting batch that has nothing left to collect (a catch-all run by the poller). */
  public void settleAll() {
    batches.waitingForProviders().forEach(this::settle);
  }

  /** Whether the batch has provider batches whose results are not all collected. */
  public boolean waiting(String batchId) {
    return providerBatches.anyUncollected(batchId);
  }

  /**
   * The state a batch whose job ended in {@code jobEnd} takes while its provider batches are still
   * to collect: {@code WAITING} after a completed job, {@code STOPPING} after a stopped one; empty
   * when nothing waits (the job's end is the batch's) or the job failed.
   */
  public Optional<BatchState> whileWaiting(String batchId, BatchState jobEnd) {
    if ((jobEnd != BatchState.COMPLETED && jobEnd != BatchState.STOPPED) || !waiting(batchId)) {
      return Optional.empty();
    }
    return Optional.of(jobEnd == BatchState.COMPLETED ? BatchState.WAITING : BatchState.STOPPING);
  }

  /**
   * Ends the batch if it waits and nothing is left to collect: completed, or stopped when it was
   * stopped. Safe to call any time and on several servers at once: one of them ends it.
   */
  public void settle(String batchId) {
    if (waiting(batchId)) {
      return;
    }
    Optional<AnalysisBatch> batch = batches.batch(batchId);
    if (batch.isEmpty()) {
      return;
    }
    BatchState from = batch.get().status();
    BatchState to =
        switch (from) {
          case WAITING -> BatchState.COMPLETED;
          case STOPPING -> BatchState.STOPPED;
          default -> null;
        };
    // A batch stopped while its job still runs is ended by the job's end, not here.
    Long execution = batch.get().executionId();
    if (to == null
        || (from == BatchState.STOPPING && execution != null && !jobs.hasEnded(execution))) {
      return;
    }
    if (batches.endWaiting(batchId, from, to)) {
      AnalysisBatch ended = batches.batch(batchId).orElseThrow();
      metrics.finished(ended);
      finished.fire(new BatchFinished(batchId, ended.owner(), to, batches.progress(ended)));
    }
  }
}
