package dev.sluice.documents.jobs;

import dev.sluice.platform.messaging.JobOutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The document jobs' outbox ({@code document_job_outbox}), written with the upload and its run and
 * relayed to the {@code DocumentJobs} queue after commit, at start and every {@code
 * sluice.documents.jobs.outbox-sweep-every}. A job sent twice is harmless: the runner claims a run
 * once.
 */
@ApplicationScoped
public class DocumentJobRelay extends JobOutboxRelay {

  @Inject DocumentJobQueue queue;
  @Inject DocumentJobStore store;

  @Override
  protected String jobName() {
    return "document job";
  }

  @Override
  protected String sweepKey() {
    return "sluice.documents.jobs.outbox-sweep-every";
  }

  @Override
  protected List<PendingJob> undispatched(Instant before, int max) {
    return store.undispatched(before, max).stream()
        .map(e -> new PendingJob(e.runId(), e.priority()))
        .toList();
  }

  @Override
  protected void send(PendingJob job) {
    queue.send(job.id(), job.priority());
    store.markDispatched(job.id());
  }
}
