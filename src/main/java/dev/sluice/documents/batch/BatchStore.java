package dev.sluice.documents.batch;

import dev.sluice.documents.Document;
import dev.sluice.documents.DocumentContent;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.batch.provider.ProviderBatchStore;
import dev.sluice.llm.TokenCounter;
import dev.sluice.platform.cluster.ClusterNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JPA adapter of {@link BatchJobStore}: a batch's settings, pages of its unfinished items, the
 * documents behind them, and results written so that a re-run overwrites instead of adding. Joins
 * the caller's transaction — the chunk's, inside the job — so results commit with the checkpoint.
 */
@ApplicationScoped
@Transactional
public class BatchStore implements BatchJobStore {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  @Inject ClusterNode node;
  @Inject ProviderBatchStore providerBatches;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Optional<AnalysisBatch> batch(String batchId) {
    return Optional.ofNullable(em.find(AnalysisBatch.class, batchId));
  }

  /**
   * Items after {@code afterItem} up to {@code lastItem} that still lack a finished (completed or
   * skipped) result for some of the batch's {@code analyses}: on a restart, and on a re-run for
   * failed items, only those are analysed again. The join on the document tells a deleted one and a
   * text document without text, which the job skips.
   */
  @Override
  public List<BatchItem> unfinishedItems(
      String batchId, int afterItem, int lastItem, int analyses, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.item_no, i.document_id, d.content_type,"
                    + " CASE WHEN d.text IS NULL OR d.char_count = 0 THEN 0 ELSE 1 END"
                    + " FROM batch_item i LEFT JOIN document d ON d.id = i.document_id"
                    + " WHERE i.batch_id = ?1 AND i.item_no > ?2 AND i.item_no <= ?3"
                    + " AND (SELECT COUNT(*) FROM analysis_result r WHERE r.batch_id = i.batch_id"
                    + " AND r.document_id = i.document_id AND r.status <> 'FAILED') < ?4"
                    + " ORDER BY i.item_no")
            .setParameter(1, batchId)
            .setParameter(2, afterItem)
            .setParameter(3, lastItem)
            .setParameter(4, analyses)
            .setMaxResults(max)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new BatchItem(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    BatchItem.Check.of((String) r[2], ((Number) r[3]).intValue() == 1)))
        .toList();
  }

  /** The documents of these items as the analyses read them; a deleted document is absent. */
  @Override
  public Map<String, AnalysisInput> inputs(Collection<String> documentIds) {
    Map<String, AnalysisInput> inputs = new HashMap<>();
    em.createQuery("SELECT d FROM Document d WHERE d.id IN :ids", Document.class)
        .setParameter("ids", documentIds)
        .getResultStream()
        .forEach(d -> inputs.put(d.id(), input(d)));
    return inputs;
  }

  private AnalysisInput input(Document d) {
    String id = d.id();
    return new AnalysisInput(id, d.title(), d.contentType(), d.text(), () -> content(id));
  }

  /** An image's or audio file's bytes, read only when an analysis sends them. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public byte[] content(String documentId) {
    DocumentContent content = em.find(DocumentContent.class, documentId);
    return content == null ? new byte[0] : content.bytes();
  }

  /** Keys of this batch's results for these documents that need no new run. */
  @Override
  public Set<ResultKey> finished(String batchId, Collection<String> documentIds) {
    Set<ResultKey> keys = new HashSet<>();
    em.createQuery(
            "SELECT r.key FROM AnalysisResult r WHERE r.key.batchId = :batch"
                + " AND r.key.documentId IN :ids AND r.status <> :failed",
            ResultKey.class)
        .setParameter("batch", batchId)
        .setParameter("ids", documentIds)
        .setParameter("failed", dev.sluice.documents.analysis.AnalysisStatus.FAILED)
        .getResultStream()
        .forEach(keys::add);
    return keys;
  }

  /** Writes one outcome: a new row, or the same row again for an item that runs a second time. */
  @Override
  public void record(
      BatchItem item, int partitionNo, String batchId, AnalysisKind kind, AnalysisOutcome outcome) {
    ResultKey key = new ResultKey(batchId, item.documentId(), kind.apiName());
    AnalysisResult result = em.find(AnalysisResult.class, key);
    if (result == null) {
      result = new AnalysisResult(key, item.itemNo(), partitionNo, clock);
      result.record(outcome, clock);
      em.persist(result);
    } else {
      result.record(outcome, clock);
    }
    if (outcome.transcript() != null) {
      Document document = em.find(Document.class, item.documentId());
      if (document != null && document.text() == null) {
        document.useText(outcome.transcript(), TokenCounter.instance().count(outcome.transcript()));
      }
    }
  }

  /** Results by partition: finished (completed or skipped) and failed, with tokens and cost. */
  public List<BatchProgress.Tally> tallies(String batchId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT partition_no,"
                    + " SUM(CASE WHEN status <> 'FAILED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END),"
                    + " SUM(input_tokens), SUM(output_tokens), SUM(cost_usd)"
                    + " FROM analysis_result WHERE batch_id = ?1 GROUP BY partition_no")
            .setParameter(1, batchId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new BatchProgress.Tally(
                    ((Number) r[0]).intValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    new java.math.BigDecimal(r[5].toString())))
        .toList();
  }

  /**
   * Orphaned batches: of kind BATCH, not yet ended, given to the batch runtime of a node that is no
   * longer up (or of a server before nodes existed). Their job executions died with that node.
   */
  @SuppressWarnings("unchecked")
  public List<AnalysisBatch> orphanedBatches() {
    List<String> ids =
        em.createNativeQuery(
                "SELECT b.id FROM analysis_batch b WHERE b.kind = 'BATCH'"
                    + " AND b.execution_id IS NOT NULL"
                    + " AND b.status IN ('STARTING', 'STARTED', 'STOPPING')"
                    + " AND (b.owner_node IS NULL OR NOT EXISTS (SELECT 1 FROM cluster_node n"
                    + " WHERE n.id = b.owner_node AND n.ended_at IS NULL)) ORDER BY b.id")
            .getResultList();
    return ids.stream().map(id -> em.find(AnalysisBatch.class, id)).toList();
  }

  /**
   * Claims an orphaned batch for this node: true if its owner was still {@code formerOwner} (of two
   * nodes taking over the same orphan, one wins).
   */
  public boolean claimOrphan(String batchId, String formerOwner) {
    var claim =
        em.createNativeQuery(
                "UPDATE analysis_batch SET owner_node = ? WHERE id = ? AND "
                    + (formerOwner == null ? "owner_node IS NULL" : "owner_node = ?"))
            .setParameter(1, node.id())
            .setParameter(2, batchId);
    if (formerOwner != null) {
      claim.setParameter(3, formerOwner);
    }
    return claim.executeUpdate() == 1;
  }

  /** Records the batch runtime's execution and state of a batch, run by this node. */
  @Override
  public void started(String batchId, long executionId) {
    batch(batchId)
        .ifPresent(
            b -> {
              b.started(executionId, clock);
              b.ownedBy(node.id());
            });
  }

  /**
   * Moves the batch to {@code state}; a batch that has ended leaves its end only to start again,
   * and an abandoned one never (the runtime may still report its stopping execution's end).
   */
  @Override
  public void moveTo(String batchId, BatchState state) {
    batch(batchId)
        .filter(b -> b.status() != state && b.status() != BatchState.ABANDONED)
        .filter(b -> !b.status().isFinal() || state.isFinal())
        .ifPresent(b -> b.moveTo(state, clock));
  }

  /**
   * Ends a batch that waited for work outside its job (provider batches): moves it from {@code
   * from} to {@code to} only if it is still {@code from}, so that of two servers ending it, one
   * does (and announces it).
   */
  public boolean endWaiting(String batchId, BatchState from, BatchState to) {
    LocalDateTime now = AnalysisBatch.now(clock);
    return em.createQuery(
                "UPDATE AnalysisBatch b SET b.status = :to, b.finishedAt = :now, b.updatedAt = :now"
                    + " WHERE b.id = :id AND b.status = :from")
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("id", batchId)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }

  /** Provider-mode batches whose job has ended while provider batches work: WAITING, STOPPING. */
  public List<String> waitingForProviders() {
    return em.createQuery(
            "SELECT b.id FROM AnalysisBatch b WHERE b.mode = :provider AND b.status IN :states",
            String.class)
        .setParameter("provider", BatchMode.PROVIDER)
        .setParameter("states", List.of(BatchState.WAITING, BatchState.STOPPING))
        .getResultList();
  }

  /** The batch's progress now. */
  @Override
  public BatchProgress progress(AnalysisBatch batch) {
    BatchProgress progress = BatchProgress.of(batch, tallies(batch.id()), java.time.Instant.now());
    return batch.mode() == BatchMode.PROVIDER
        ? progress.withProvider(providerBatches.progress(batch.id()))
        : progress;
  }
}
