package dev.sluice.platform.messaging;

import dev.sluice.platform.config.Durations;
import dev.sluice.platform.database.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable record of every job not yet claimed ({@code job_outbox}): a row written in the same
 * transaction as the work it stands for, and deleted in the transaction that claims the work. After
 * the writing transaction commits, a non-persistent wake-up goes to the kind's queue ({@link
 * JobWakeups}); a row still there when its wake lease has run out is woken again by {@link
 * JobSweeper}. No XA transaction spans the database and JMS (PostgreSQL's default {@code
 * max_prepared_transactions=0} forbids two-phase commit), and none is needed: a wake-up sent twice
 * finds its work claimed, and one lost is sent again.
 */
@ApplicationScoped
public class JobOutbox {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @Inject JobWakeups wakeups;

  @Inject
  @ConfigProperty(name = "sluice.jobs.wake-lease", defaultValue = "30s")
  String wakeLease;

  private final Clock clock = Clock.systemUTC();
  private Duration lease;

  @PostConstruct
  void readLease() {
    lease = Durations.parse(wakeLease);
  }

  /**
   * Within the caller's transaction: records the job for {@code workId} and wakes a consumer once
   * that transaction has committed.
   */
  public void add(JobKind kind, String workId, int jmsPriority) {
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO job_outbox (kind, work_id, jms_priority, created_at, wake_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, kind.name())
        .setParameter(2, workId)
        .setParameter(3, jmsPriority)
        .setParameter(4, Timestamps.fromInstant(now))
        .setParameter(5, Timestamps.fromInstant(now.plus(lease())))
        .executeUpdate();
    wakeAfterCommit(new JobWakeup(kind, workId, jmsPriority));
  }

  /**
   * Within a transaction the caller runs over plain JDBC on {@code connection}: records the job for
   * {@code workId}. Nothing wakes a consumer: once that transaction has committed, the caller sends
   * the wake-up ({@link JobWakeups#send(JobKind, String, int)}); until then, or if it never does,
   * the sweep wakes the job when its lease runs out.
   */
  public void add(Connection connection, JobKind kind, String workId, int jmsPriority)
      throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO job_outbox (kind, work_id, jms_priority, created_at, wake_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, kind.name());
      insert.setString(2, workId);
      insert.setInt(3, jmsPriority);
      insert.setObject(4, Timestamps.fromInstant(now));
      insert.setObject(5, Timestamps.fromInstant(now.plus(lease())));
      insert.executeUpdate();
    }
  }

  /**
   * Within the caller's transaction (the one that claims or ends the work): forgets the job of kind
   * {@code kind} (its {@link JobKind#name()}).
   */
  public void remove(String kind, String workId) {
    em.createNativeQuery("DELETE FROM job_outbox WHERE kind = ?1 AND work_id = ?2")
        .setParameter(1, kind)
        .setParameter(2, workId)
        .executeUpdate();
  }

  /** How long a job may wait after a wake-up before the sweep wakes it again. */
  public Duration lease() {
    return lease;
  }

  private void wakeAfterCommit(JobWakeup wakeup) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              wakeups.send(wakeup);
            }
          }
        });
  }
}
