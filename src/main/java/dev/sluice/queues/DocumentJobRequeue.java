package dev.sluice.queues;

import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.jobs.DocumentJobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A document job's work is an upload's run: a failed run goes back to starting, which its job's
 * next delivery claims; one still starting (its claim kept failing) is runnable as it is.
 */
@ApplicationScoped
public class DocumentJobRequeue implements JobRequeue {

  @Inject DocumentJobStore store;

  @Override
  public Requeue requeue(String jobId) {
    if (jobId == null) {
      return Requeue.gone();
    }
    return store
        .requeueFailed(jobId)
        .map(run -> Requeue.of(run.status(), BatchState.STARTING, run.priority()))
        .orElseGet(Requeue::gone);
  }
}
