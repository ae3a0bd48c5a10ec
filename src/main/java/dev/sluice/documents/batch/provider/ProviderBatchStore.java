package dev.sluice.documents.batch.provider;

import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.ResultKey;
import dev.sluice.llm.batch.ProviderBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of provider mode: the (document, analysis) pairs handed to provider batches and the
 * provider batches themselves. Writes made inside a job's chunk join its transaction; those of the
 * submit step and of the poller commit on their own, each before the provider is told anything that
 * depends on it.
 */
@ApplicationScoped
@Transactional
public class ProviderBatchStore {

  @PersistenceContext(unitName = "sluice")
  EntityManager em;

  private final Clock clock = Clock.systemUTC();

  /** Hands a (document, analysis) to provider mode, in the chunk's transaction. */
  public void submit(ResultKey key, int itemNo, int partitionNo) {
    em.persist(new SubmittedAnalysis(key, itemNo, partitionNo, now()));
  }

  /** Keys of these documents' analyses that wait in provider mode (submitted, not collected). */
  public Set<ResultKey> submitted(String batchId, Collection<String> documentIds) {
    return new HashSet<>(
        em.createQuery(
                "SELECT s.key FROM SubmittedAnalysis s WHERE s.key.batchId = :batch"
                    + " AND s.key.documentId IN :ids",
                ResultKey.class)
            .setParameter("batch", batchId)
            .setParameter("ids", documentIds)
            .getResultList());
  }

  /**
   * Up to {@code max} submitted analyses after ({@code afterItem}, {@code afterAnalysis}) in item
   * order, either not yet in a provider batch ({@code providerBatchId} null) or in that one.
   */
  public List<SubmittedAnalysis> page(
      String batchId, String providerBatchId, int afterItem, String afterAnalysis, int max) {
    var query =
        em.createQuery(
                "SELECT s FROM SubmittedAnalysis s WHERE s.key.batchId = :batch AND "
                    + (providerBatchId == null
                        ? "s.providerBatchId IS NULL"
                        : "s.providerBatchId = :provider")
                    + " AND (s.itemNo > :item OR (s.itemNo = :item AND s.key.analysis > :analysis))"
                    + " ORDER BY s.itemNo, s.key.analysis",
                SubmittedAnalysis.class)
            .setParameter("batch", batchId)
            .setParameter("item", afterItem)
            .setParameter("analysis", afterAnalysis)
            .setMaxResults(max);
    if (providerBatchId != null) {
      query.setParameter("provider", providerBatchId);
    }
    return query.getResultList();
  }

  /**
   * Records a provider batch about to be created ({@code CREATING}) and gives it every submitted
   * analysis not yet in one, up to ({@code lastItem}, {@code lastAnalysis}) in item order: the
   * contents of the request file just written. Commits before the provider is asked.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public ProviderBatchRecord creating(
      String batchId,
      String provider,
      String model,
      int requests,
      int lastItem,
      String lastAnalysis) {
    ProviderBatchRecord record = new ProviderBatchRecord(batchId, provider, model, requests, now());
    em.persist(record);
    em.createQuery(
            "UPDATE SubmittedAnalysis s SET s.providerBatchId = :provider"
                + " WHERE s.key.batchId = :batch AND s.providerBatchId IS NULL"
                + " AND (s.itemNo < :item OR (s.itemNo = :item AND s.key.analysis <= :analysis))")
        .setParameter("provider", record.id())
        .setParameter("batch", batchId)
        .setParameter("item", lastItem)
        .setParameter("analysis", lastAnalysis)
        .executeUpdate();
    return record;
  }

  /** The batch's provider batches left {@code CREATING} (by a crash or a failed create call). */
  public List<ProviderBatchRecord> creatingOf(String batchId) {
    return em.createQuery(
            "SELECT p FROM ProviderBatchRecord p WHERE p.batchId = :batch AND p.status = :creating"
                + " AND p.collectState <> :collected ORDER BY p.createdAt",
            ProviderBatchRecord.class)
        .setParameter("batch", batchId)
        .setParameter("creating", ProviderBatchRecord.CREATING)
        .setParameter("collected", ProviderBatchRecord.Collection.COLLECTED)
        .getResultList();
  }

  /** Takes the provider's state of a provider batch: created, or polled. */
  @Transactional(TxType.REQUIRES_NEW)
  public void saw(String id, ProviderBatch batch) {
    Optional.ofNullable(em.find(ProviderBatchRecord.class, id)).ifPresent(r -> r.saw(batch, now()));
  }

  public Optional<ProviderBatchRecord> find(String id) {
    return Optional.ofNullable(em.find(ProviderBatchRecord.class, id));
  }

  /** A batch's provider batches, oldest first. */
  public List<ProviderBatchRecord> ofBatch(String batchId) {
    return em.createQuery(
            "SELECT p FROM ProviderBatchRecord p WHERE p.batchId = :batch ORDER BY p.createdAt",
            ProviderBatchRecord.class)
        .setParameter("batch", batchId)
        .getResultList();
  }

  /** Every provider batch whose results are not all collected, of every batch. */
  public List<ProviderBatchRecord> uncollected() {
    return em.createQuery(
            "SELECT p FROM ProviderBatchRecord p WHERE p.collectState <> :collected"
                + " AND p.externalId IS NOT NULL ORDER BY p.createdAt",
            ProviderBatchRecord.class)
        .setParameter("collected", ProviderBatchRecord.Collection.COLLECTED)
        .getResultList();
  }

  /** Whether the batch has a provider batch whose results are not all collected. */
  public boolean anyUncollected(String batchId) {
    return em.createQuery(
                "SELECT COUNT(p) FROM ProviderBatchRecord p WHERE p.batchId = :batch"
                    + " AND p.collectState <> :collected",
                Long.class)
            .setParameter("batch", batchId)
            .setParameter("collected", ProviderBatchRecord.Collection.COLLECTED)
            .getSingleResult()
        > 0;
  }

  /** Provider batches by status ({@code CREATING} or the provider's), for the metrics. */
  public Map<String, Long> countByStatus() {
    Map<String, Long> counts = new HashMap<>();
    em.createQuery(
            "SELECT p.status, COUNT(p) FROM ProviderBatchRecord p GROUP BY p.status",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /** Submitted analyses of every batch not collected yet, for the metrics. */
  public long waitingAll() {
    return em.createQuery("SELECT COUNT(s) FROM SubmittedAnalysis s", Long.class).getSingleResult();
  }

  /** Submitted analyses of the batch not collected yet. */
  public long waiting(String batchId) {
    return em.createQuery(
            "SELECT COUNT(s) FROM SubmittedAnalysis s WHERE s.key.batchId = :batch", Long.class)
        .setParameter("batch", batchId)
        .getSingleResult();
  }

  /**
   * Claims the next poll of a provider batch for this node: true if nobody polled it within {@code
   * every} (of several servers polling, one does).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claimPoll(String id, Duration every) {
    LocalDateTime now = now();
    return em.createQuery(
                "UPDATE ProviderBatchRecord p SET p.polledAt = :now WHERE p.id = :id"
                    + " AND (p.polledAt IS NULL OR p.polledAt <= :due)")
            .setParameter("now", now)
            .setParameter("id", id)
            .setParameter("due", now.minus(every))
            .executeUpdate()
        == 1;
  }

  /** Claims the collection of an ended provider batch for {@code node}: true if it was waiting. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claimCollection(String id, String node) {
    ProviderBatchRecord record =
        em.find(ProviderBatchRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (record == null || record.collectState() != ProviderBatchRecord.Collection.WAITING) {
      return false;
    }
    record.collecting(node, now());
    return true;
  }

  /** Asks for every provider batch of the batch to be cancelled; returns those not ended. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<ProviderBatchRecord> wantCancel(String batchId) {
    List<ProviderBatchRecord> records = ofBatch(batchId);
    records.forEach(ProviderBatchRecord::wantCancel);
    return records.stream().filter(r -> r.externalId() != null && !r.ended()).toList();
  }

  /**
   * The submitted analyses of a provider batch among these keys, by key, in the chunk's
   * transaction.
   */
  public Map<ResultKey, SubmittedAnalysis> submittedIn(
      String providerBatchId, String batchId, Collection<String> documentIds) {
    Map<ResultKey, SubmittedAnalysis> found = new HashMap<>();
    em.createQuery(
            "SELECT s FROM SubmittedAnalysis s WHERE s.key.batchId = :batch"
                + " AND s.key.documentId IN :ids AND s.providerBatchId = :provider",
            SubmittedAnalysis.class)
        .setParameter("batch", batchId)
        .setParameter("ids", documentIds)
        .setParameter("provider", providerBatchId)
        .getResultStream()
        .forEach(s -> found.put(s.key(), s));
    return found;
  }

  /**
   * Takes a submitted analysis off the waiting list, in the transaction that writes its result:
   * true if it was still waiting in that provider batch (a second collection finds nothing).
   */
  public boolean take(ResultKey key, String providerBatchId) {
    var delete =
        em.createQuery(
                "DELETE FROM SubmittedAnalysis s WHERE s.key.batchId = :batch"
                    + " AND s.key.documentId = :document AND s.key.analysis = :analysis AND "
                    + (providerBatchId == null
                        ? "s.providerBatchId IS NULL"
                        : "s.providerBatchId = :provider"))
            .setParameter("batch", key.batchId())
            .setParameter("document", key.documentId())
            .setParameter("analysis", key.analysis());
    if (providerBatchId != null) {
      delete.setParameter("provider", providerBatchId);
    }
    return delete.executeUpdate() == 1;
  }

  /**
   * Hands back the collections a node had claimed (it has ended): their provider batches are
   * collected again, by whichever node polls them next.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int releaseCollections(String node) {
    return em.createQuery(
            "UPDATE ProviderBatchRecord p SET p.collectState = :waiting, p.collectNode = NULL"
                + " WHERE p.collectState = :collecting AND p.collectNode = :node")
        .setParameter("waiting", ProviderBatchRecord.Collection.WAITING)
        .setParameter("collecting", ProviderBatchRecord.Collection.COLLECTING)
        .setParameter("node", node)
        .executeUpdate();
  }

  /** Hands back a collection that did not finish, to be tried again at a later poll. */
  @Transactional(TxType.REQUIRES_NEW)
  public void releaseCollection(String providerBatchId) {
    find(providerBatchId)
        .filter(r -> r.collectState() == ProviderBatchRecord.Collection.COLLECTING)
        .ifPresent(r -> r.waitAgain(now()));
  }

  /** Adds collected results' cost, at the batch price and at the list price. */
  public void addCost(String providerBatchId, BigDecimal cost, BigDecimal listCost) {
    find(providerBatchId).ifPresent(r -> r.addCost(cost, listCost));
  }

  /** Marks a provider batch's results as all collected. */
  @Transactional(TxType.REQUIRES_NEW)
  public void collected(String providerBatchId) {
    find(providerBatchId).ifPresent(r -> r.collected(now()));
  }

  /** The provider side of a batch's progress. */
  public BatchProgress.ProviderProgress progress(String batchId) {
    List<ProviderBatchRecord> records = ofBatch(batchId);
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal list = BigDecimal.ZERO;
    for (ProviderBatchRecord r : records) {
      cost = cost.add(r.costUsd());
      list = list.add(r.listCostUsd());
    }
    return new BatchProgress.ProviderProgress(
        waiting(batchId),
        cost.setScale(6, RoundingMode.HALF_UP),
        list.setScale(6, RoundingMode.HALF_UP),
        list.subtract(cost).setScale(6, RoundingMode.HALF_UP),
        records.stream()
            .map(
                r ->
                    new BatchProgress.ProviderBatchProgress(
                        r.id(),
                        r.provider(),
                        r.externalId(),
                        r.status().toLowerCase(Locale.ROOT),
                        r.requestCount(),
                        r.succeeded(),
                        r.errored(),
                        r.expired(),
                        r.cancelled(),
                        r.collectState().name().toLowerCase(Locale.ROOT),
                        r.createdAt()))
            .toList());
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
