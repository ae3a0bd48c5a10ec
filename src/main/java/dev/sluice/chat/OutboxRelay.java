package dev.sluice.chat;

import dev.sluice.admission.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves chat jobs from the transactional outbox to the queue. A job is written to {@code
 * chat_job_outbox} in the same database transaction as its messages and sent only after that
 * transaction commits; jobs never sent (a crash between commit and send) are sent at the next
 * start. We chose this over one XA transaction spanning the database and JMS because PostgreSQL's
 * default {@code max_prepared_transactions=0} forbids two-phase commit. A job may be sent twice;
 * the consumer ignores an answer that is no longer queued.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int RESEND_BATCH = 1000;

  @Inject ChatJobQueue queue;
  @Inject ChatJobStore store;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

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
    executor.execute(
        () -> store.undispatched(RESEND_BATCH).forEach(e -> dispatch(e.messageId(), e.priority())));
  }

  private void dispatch(String messageId, Priority priority) {
    try {
      queue.send(messageId, priority);
      store.markDispatched(messageId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "chat job " + messageId + " stays in the outbox until the next start", e);
    }
  }
}
