package dev.sluice.documents.jobs;

import dev.sluice.admission.Priority;
import dev.sluice.llm.config.ConfigView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Moves document jobs from {@code document_job_outbox} to the queue, as the chat outbox relay does
 * for chat jobs: sent after the upload's transaction commits, jobs never sent re-sent at the next
 * start, jobs whose send failed by a sweep every {@code sluice.documents.jobs.outbox-sweep-every}.
 * A job may be sent twice; the runner claims a run once.
 */
@ApplicationScoped
public class DocumentJobRelay {

  private static final Logger LOG = Logger.getLogger(DocumentJobRelay.class.getName());
  private static final int RESEND_BATCH = 1000;

  @Inject DocumentJobQueue queue;
  @Inject DocumentJobStore store;
  @Inject Config config;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private volatile Duration sweepEvery = Duration.ofSeconds(30);
  private volatile ScheduledFuture<?> sweeping;

  /** Within the transaction that wrote the job: sends it once that transaction has committed. */
  public void sendAfterCommit(String runId, Priority priority) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              executor.execute(() -> dispatch(runId, priority));
            }
          }
        });
  }

  void resendOnStart(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 1000)
          @Initialized(ApplicationScoped.class)
          Object started) {
    Instant start = Instant.now();
    executor.execute(() -> resendWrittenBefore(start));
    sweepEvery =
        ConfigView.of(config).getDuration("sluice.documents.jobs.outbox-sweep-every", sweepEvery);
    long every = sweepEvery.toMillis();
    sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /** Sends the jobs still unsent a whole period after they were written. */
  void sweep() {
    resendWrittenBefore(Instant.now().minus(sweepEvery));
  }

  @PreDestroy
  void stopSweeping() {
    ScheduledFuture<?> task = sweeping;
    if (task != null) {
      task.cancel(false);
    }
  }

  private void resendWrittenBefore(Instant before) {
    // A periodic task that throws is never run again: a database outage must not end the sweeps.
    try {
      store.undispatched(before, RESEND_BATCH).forEach(e -> dispatch(e.runId(), e.priority()));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "the document job outbox could not be read; trying at the next sweep", e);
    }
  }

  private void dispatch(String runId, Priority priority) {
    try {
      queue.send(runId, priority);
      store.markDispatched(runId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "document job " + runId + " stays in the outbox until the next sweep", e);
    }
  }
}
