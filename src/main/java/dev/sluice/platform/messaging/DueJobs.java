package dev.sluice.platform.messaging;

import dev.sluice.platform.database.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/** The sweep's reads and writes on {@code job_outbox}, each page in a transaction of its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class DueJobs {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  /**
   * Up to {@code max} jobs whose lease ran out before {@code cutoff}, oldest lease first, each
   * given a new lease until {@code nextWake} in the same transaction, so a sweep never takes a row
   * twice and a second server's sweep skips what this one took.
   */
  public List<DueJob> take(Instant cutoff, Instant nextWake, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, work_id, jms_priority FROM job_outbox WHERE wake_at < ?1"
                    + " ORDER BY wake_at")
            .setParameter(1, Timestamps.fromInstant(cutoff))
            .setMaxResults(max)
            .getResultList();
    List<DueJob> due =
        rows.stream()
            .map(r -> new DueJob((String) r[0], (String) r[1], ((Number) r[2]).intValue()))
            .toList();
    for (DueJob job : due) {
      em.createNativeQuery("UPDATE job_outbox SET wake_at = ?1 WHERE kind = ?2 AND work_id = ?3")
          .setParameter(1, Timestamps.fromInstant(nextWake))
          .setParameter(2, job.kind())
          .setParameter(3, job.workId())
          .executeUpdate();
    }
    return due;
  }
}
