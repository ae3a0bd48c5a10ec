package dev.sluice.documents.batch;

import dev.sluice.platform.rest.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Pages for the API: a user's batches newest first (single-document runs left out), a document's
 * results across runs, a batch's results in item order; by key.
 */
@ApplicationScoped
public class BatchQueries {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  /** Up to {@code max} of the owner's batches after the cursor on {@code (createdAt, id)}. */
  public List<AnalysisBatch> ownedBy(String owner, PageCursor<LocalDateTime> after, int max) {
    TypedQuery<AnalysisBatch> query;
    if (after == null) {
      query =
          em.createQuery(
              "SELECT b FROM AnalysisBatch b WHERE b.owner = :owner AND b.kind = :kind"
                  + " ORDER BY b.createdAt DESC, b.id DESC",
              AnalysisBatch.class);
    } else {
      query =
          em.createQuery(
                  "SELECT b FROM AnalysisBatch b WHERE b.owner = :owner AND b.kind = :kind"
                      + " AND (b.createdAt < :createdAt"
                      + " OR (b.createdAt = :createdAt AND b.id < :id))"
                      + " ORDER BY b.createdAt DESC, b.id DESC",
                  AnalysisBatch.class)
              .setParameter("createdAt", after.key())
              .setParameter("id", after.id());
    }
    return query
        .setParameter("owner", owner)
        .setParameter("kind", RunKind.BATCH)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Up to {@code max} results of one document across its runs (batches and uploads), newest first.
   */
  public List<AnalysisResult> ofDocument(String documentId, int max) {
    return em.createQuery(
            "SELECT r FROM AnalysisResult r WHERE r.key.documentId = :document"
                + " ORDER BY r.createdAt DESC, r.key.batchId, r.key.analysis",
            AnalysisResult.class)
        .setParameter("document", documentId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Up to {@code max} results after item {@code afterItem} / analysis {@code afterAnalysis}. */
  public List<AnalysisResult> results(
      String batchId, int afterItem, String afterAnalysis, int max) {
    return em.createQuery(
            "SELECT r FROM AnalysisResult r WHERE r.key.batchId = :batch AND (r.itemNo > :item"
                + " OR (r.itemNo = :item AND r.key.analysis > :analysis))"
                + " ORDER BY r.itemNo, r.key.analysis",
            AnalysisResult.class)
        .setParameter("batch", batchId)
        .setParameter("item", afterItem)
        .setParameter("analysis", afterAnalysis)
        .setMaxResults(max)
        .getResultList();
  }
}
