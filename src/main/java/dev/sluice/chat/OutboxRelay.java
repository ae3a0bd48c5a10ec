package dev.sluice.chat;

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
 * Moves chat jobs from the transactional outbox to the queue. A job is written to {@code
 * chat_job_outbox} in the same database transaction as its messages and sent only after that
 * transaction commits. Jobs never sent (a crash between commit and send) are sent at the next
 * start; jobs whose send failed, or that the start's pass left for later, by a sweep every {@code
 * sluice.chat.outbox-sweep-every}. We chose this over one XA transaction spanning the database and
 * JMS because PostgreSQL's default {@code max_prepared_transactions=0} forbids two-phase commit. A
 * job may be sent twice; the consumer ignores an answer that is no longer queued.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int RESEND_BATCH = 1000;

  @Inject ChatJobQueue queue;
  @Inject ChatJobStore store;
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
  public void sendAfterCommit(String messageId, Priority priority) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              executor.execute(() -> dispatch(messageId, priority));
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
    sweepEvery = ConfigView.of(config).getDuration("sluice.chat.outbox-sweep-every", sweepEvery);
    long every = sweepEvery.toMillis();
    sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends the jobs still unsent a whole period after they were written: their send after commit
   * failed or never ran. Younger ones are skipped, as their send may be on its way.
   */
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
      store.undispatched(before, RESEND_BATCH).forEach(e -> dispatch(e.messageId(), e.priority()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the chat job outbox could not be read; trying at the next sweep", e);
    }
  }

  private void dispatch(String messageId, Priority priority) {
    try {
      queue.send(messageId, priority);
      store.markDispatched(messageId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "chat job " + messageId + " stays in the outbox until the next sweep", e);
    }
  }
}
