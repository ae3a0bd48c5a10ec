package dev.sluice.chat;

import dev.sluice.platform.messaging.JobOutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The chat jobs' outbox ({@code chat_job_outbox}), written with the question and its queued answer
 * and relayed to the {@code ChatJobs} queue after commit, at start and every {@code
 * sluice.chat.outbox-sweep-every}. A job sent twice is harmless: the consumer only claims an answer
 * that is still queued.
 */
@ApplicationScoped
public class OutboxRelay extends JobOutboxRelay {

  @Inject ChatJobQueue queue;
  @Inject ChatJobStore store;

  @Override
  protected String jobName() {
    return "chat job";
  }

  @Override
  protected String sweepKey() {
    return "sluice.chat.outbox-sweep-every";
  }

  @Override
  protected List<PendingJob> undispatched(Instant before, int max) {
    return store.undispatched(before, max).stream()
        .map(e -> new PendingJob(e.messageId(), e.priority()))
        .toList();
  }

  @Override
  protected void send(PendingJob job) {
    queue.send(job.id(), job.priority());
    store.markDispatched(job.id());
  }
}
