package dev.sluice.documents.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Keeps the batch row in step with the job: the execution when it starts, the final state when it
 * ends, and then the {@link BatchFinished} event (WebSocket's last frame, the webhook, users'
 * code). A provider-mode job that leaves provider batches working leaves the batch waiting for them
 * instead ({@link ProviderMode}).
 */
@Named("batchJobListener")
@Dependent
public class BatchJobListener implements JobListener {

  @Inject JobContext job;

  @Inject @BatchProperty String batchId;

  @Inject BatchJobStore store;
  @Inject BatchLimiters limiters;
  @Inject Event<BatchFinished> finished;
  @Inject BatchJobMetrics metrics;
  @Inject ProviderMode providerBatches;

  @Override
  public void beforeJob() {
    store.started(batchId, job.getExecutionId());
    metrics.running(batchId);
  }

  @Override
  public void afterJob() {
    BatchState state = endState(job.getBatchStatus());
    limiters.release(batchId);
    Optional<BatchState> waiting = providerBatches.whileWaiting(batchId, state);
    if (waiting.isPresent()) {
      // Provider batches still work: the batch ends when the last is collected, not now.
      store.moveTo(batchId, waiting.get());
      providerBatches.settle(batchId);
      return;
    }
    store.moveTo(batchId, state);
    store.batch(batchId).ifPresent(batch -> announce(batch, state));
  }

  private void announce(AnalysisBatch batch, BatchState state) {
    metrics.finished(batch);
    finished.fire(new BatchFinished(batchId, batch.owner(), state, store.progress(batch)));
  }

  /** In afterJob the runtime has not yet set the final status: STARTED means it completed. */
  static BatchState endState(BatchStatus status) {
    return switch (status) {
      case STOPPING, STOPPED -> BatchState.STOPPED;
      case FAILED -> BatchState.FAILED;
      case ABANDONED -> BatchState.ABANDONED;
      default -> BatchState.COMPLETED;
    };
  }
}
