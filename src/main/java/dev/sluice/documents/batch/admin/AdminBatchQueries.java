package dev.sluice.documents.batch.admin;

import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.AnalysisResult;
import dev.sluice.documents.batch.RunKind;
import dev.sluice.platform.database.ConsoleQueries;
import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.rest.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's reads of batches, each one statement on an index of V9: a filtered keyset page of
 * every user's batches, the result counts of a whole page grouped in one query, and a batch's
 * failed results in item order.
 */
@ApplicationScoped
public class AdminBatchQueries {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject ConsoleQueries console;

  /** Up to {@code max} batches (upload runs left out) that pass the filter, newest first. */
  public List<AnalysisBatch> page(BatchListFilter filter, int max) {
    StringBuilder jpql = new StringBuilder("SELECT b FROM AnalysisBatch b WHERE b.kind = :kind");
    if (filter.status() != null) {
      jpql.append(" AND b.status = :status");
    }
    if (filter.owner() != null) {
      jpql.append(" AND b.owner = :owner");
    }
    if (filter.from() != null) {
      jpql.append(" AND b.createdAt >= :from");
    }
    if (filter.to() != null) {
      jpql.append(" AND b.createdAt < :to");
    }
    if (filter.cursor() != null) {
      // The first term bounds the index range; the second breaks ties within one instant.
      jpql.append(" AND b.createdAt <= :createdAt AND (b.createdAt < :createdAt OR b.id < :id)");
    }
    jpql.append(" ORDER BY b.createdAt DESC, b.id DESC");
    TypedQuery<AnalysisBatch> query =
        console
            .bounded(em.createQuery(jpql.toString(), AnalysisBatch.class))
            .setParameter("kind", RunKind.BATCH);
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.owner() != null) {
      query.setParameter("owner", filter.owner());
    }
    if (filter.from() != null) {
      query.setParameter("from", Timestamps.fromInstant(filter.from()));
    }
    if (filter.to() != null) {
      query.setParameter("to", Timestamps.fromInstant(filter.to()));
    }
    if (filter.cursor() != null) {
      query
          .setParameter("createdAt", filter.cursor().key())
          .setParameter("id", filter.cursor().id());
    }
    return console.run(() -> query.setMaxResults(max).getResultList());
  }

  /** Done and failed results of each of these batches, in one grouped query. */
  public Map<String, ResultCounts> counts(Collection<String> batchIds) {
    Map<String, ResultCounts> counts = new HashMap<>();
    if (batchIds.isEmpty()) {
      return counts;
    }
    TypedQuery<Object[]> query =
        console
            .bounded(
                em.createQuery(
                    "SELECT r.key.batchId, COUNT(r),"
                        + " SUM(CASE WHEN r.status = :failed THEN 1 ELSE 0 END)"
                        + " FROM AnalysisResult r WHERE r.key.batchId IN :ids"
                        + " GROUP BY r.key.batchId",
                    Object[].class))
            .setParameter("failed", AnalysisStatus.FAILED)
            .setParameter("ids", batchIds);
    for (Object[] row : console.run(query::getResultList)) {
      long all = ((Number) row[1]).longValue();
      long failed = row[2] == null ? 0 : ((Number) row[2]).longValue();
      counts.put((String) row[0], new ResultCounts(all - failed, failed));
    }
    return counts;
  }

  /**
   * Up to {@code max} failed results of the batch after the cursor on {@code (itemNo, analysis)}
   * (null: from the first), in item order.
   */
  public List<AnalysisResult> failed(String batchId, PageCursor<Integer> after, int max) {
    int afterItem = after == null ? 0 : after.key();
    String afterAnalysis = after == null ? "" : after.id();
    TypedQuery<AnalysisResult> query =
        console
            .bounded(
                em.createQuery(
                    "SELECT r FROM AnalysisResult r WHERE r.key.batchId = :batch"
                        + " AND r.status = :failed AND r.itemNo >= :item"
                        + " AND (r.itemNo > :item OR r.key.analysis > :analysis)"
                        + " ORDER BY r.itemNo, r.key.analysis",
                    AnalysisResult.class))
            .setParameter("batch", batchId)
            .setParameter("failed", AnalysisStatus.FAILED)
            .setParameter("item", afterItem)
            .setParameter("analysis", afterAnalysis)
            .setMaxResults(max);
    return console.run(query::getResultList);
  }
}
