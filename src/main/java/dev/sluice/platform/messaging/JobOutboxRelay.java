package dev.sluice.platform.messaging;

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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Moves jobs from a transactional outbox to their queue. A job is written to its outbox table in
 * the same database transaction as the work it stands for and sent only after that transaction
 * commits. Jobs never sent (a crash between commit and send) are sent at the next start; jobs whose
 * send failed, or that the start's pass left for later, by a periodic sweep. We chose this over one
 * XA transaction spanning the database and JMS because PostgreSQL's default {@code
 * max_prepared_transactions=0} forbids two-phase commit. A job may be sent twice: consumers claim
 * their work once. Subclasses say what the outbox is and how one job is sent.
 */
public abstract class JobOutboxRelay {

  private static final int RESEND_BATCH = 1000;

  /** A job waiting in an outbox: the id it carries and its priority. */
  public record PendingJob(String id, Priority priority) {}

  @Inject Config config;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private volatile Duration sweepEvery = Duration.ofSeconds(30);
  private volatile ScheduledFuture<?> sweeping;

  /** What the jobs are, for log lines: "chat job", "document job". */
  protected abstract String jobName();

  /** The configuration key of the sweep's period. */
  protected abstract String sweepKey();

  /** Jobs written before {@code before} and not yet sent, oldest first, at most {@code max}. */
  protected abstract List<PendingJob> undispatched(Instant before, int max);

  /** Sends one job to its queue and marks it sent in the outbox. */
  protected abstract void send(PendingJob job);

  /** Within the transaction that wrote the job: sends it once that transaction has committed. */
  public void sendAfterCommit(String id, Priority priority) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              executor.execute(() -> dispatch(new PendingJob(id, priority)));
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
    sweepEvery = ConfigView.of(config).getDuration(sweepKey(), sweepEvery);
    long every = sweepEvery.toMillis();
    sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends the jobs still unsent a whole period after they were written: their send after commit
   * failed or never ran. Younger ones are skipped, as their send may be on its way.
   */
  protected void sweep() {
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
      undispatched(before, RESEND_BATCH).forEach(this::dispatch);
    } catch (RuntimeException e) {
      log()
          .log(
              Level.WARNING,
              "the " + jobName() + " outbox could not be read; trying at the next sweep",
              e);
    }
  }

  private void dispatch(PendingJob job) {
    try {
      send(job);
    } catch (RuntimeException e) {
      log()
          .log(
              Level.WARNING,
              jobName() + " " + job.id() + " stays in the outbox until the next sweep",
              e);
    }
  }

  private Logger log() {
    return Logger.getLogger(getClass().getName());
  }
}
