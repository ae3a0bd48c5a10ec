package dev.sluice.documents.batch;

import dev.sluice.admission.Priority;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * {@link BatchJobStore} in memory for the batch tests out of the container: batches, their numbered
 * items, the documents behind them, and results. Like the JPA adapter's, results written inside a
 * transaction (a chunk's) become visible to others only when it commits and vanish when it rolls
 * back; it also counts commits per result and can fail a write once, as a database might.
 */
@ApplicationScoped
public class InMemoryBatchJobStore implements BatchJobStore {

  private final Clock clock = Clock.systemUTC();
  private final Map<String, AnalysisBatch> batches = new HashMap<>();
  private final Map<String, List<String>> items = new HashMap<>();
  private final Map<String, AnalysisInput> documents = new HashMap<>();
  private final Map<ResultKey, AnalysisResult> results = new HashMap<>();
  private final Map<ResultKey, AtomicInteger> commits = new ConcurrentHashMap<>();
  private final Map<Transaction, Map<ResultKey, AnalysisResult>> pending = new HashMap<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
  private volatile TransactionManager transactions;

  /** The transaction manager the batch runtime uses; without one every write commits at once. */
  public void joinTransactionsOf(TransactionManager manager) {
    transactions = manager;
  }

  /** A new text document; {@code text} may be empty. */
  public synchronized String addTextDocument(String title, String text) {
    String id = UUID.randomUUID().toString();
    documents.put(id, new AnalysisInput(id, title, "text/plain", text, () -> new byte[0]));
    return id;
  }

  public synchronized void deleteDocument(String documentId) {
    documents.remove(documentId);
  }

  /** A new batch of these documents, numbered 1..n in this order. */
  public synchronized AnalysisBatch addBatch(
      List<String> documentIds, List<AnalysisKind> analyses, int partitions, int maxConcurrency) {
    BatchDraft draft =
        new BatchDraft(analyses, null, Priority.BATCH, maxConcurrency, partitions, null, null);
    AnalysisBatch batch = AnalysisBatch.create("tester", draft, documentIds.size(), clock);
    batches.put(batch.id(), batch);
    items.put(batch.id(), List.copyOf(documentIds));
    return batch;
  }

  /** The next write of a result for this document throws, once, inside its transaction. */
  public void failOnceWhenRecording(String documentId) {
    failOnce.add(documentId);
  }

  /** The batch's committed results. */
  public synchronized List<AnalysisResult> results(String batchId) {
    return results.values().stream().filter(r -> r.key().batchId().equals(batchId)).toList();
  }

  /** How many committed writes this result has had. */
  public int commits(ResultKey key) {
    AtomicInteger count = commits.get(key);
    return count == null ? 0 : count.get();
  }

  @Override
  public synchronized Optional<AnalysisBatch> batch(String batchId) {
    return Optional.ofNullable(batches.get(batchId));
  }

  @Override
  public synchronized List<BatchItem> unfinishedItems(
      String batchId, int afterItem, int lastItem, int analyses, int max) {
    List<String> ids = items.get(batchId);
    Map<ResultKey, AnalysisResult> visible = visible();
    return IntStream.rangeClosed(afterItem + 1, Math.min(lastItem, ids.size()))
        .filter(n -> finishedCount(visible, batchId, ids.get(n - 1)) < analyses)
        .limit(max)
        .mapToObj(n -> item(n, ids.get(n - 1)))
        .toList();
  }

  private BatchItem item(int itemNo, String documentId) {
    AnalysisInput document = documents.get(documentId);
    boolean hasText = document != null && document.text() != null && !document.text().isEmpty();
    return new BatchItem(
        itemNo,
        documentId,
        BatchItem.Check.of(document == null ? null : document.contentType(), hasText));
  }

  private static long finishedCount(
      Map<ResultKey, AnalysisResult> visible, String batchId, String documentId) {
    return visible.values().stream()
        .filter(r -> r.key().batchId().equals(batchId))
        .filter(r -> r.key().documentId().equals(documentId))
        .filter(r -> r.status() != AnalysisStatus.FAILED)
        .count();
  }

  @Override
  public synchronized Map<String, AnalysisInput> inputs(Collection<String> documentIds) {
    Map<String, AnalysisInput> inputs = new HashMap<>();
    documentIds.stream()
        .filter(documents::containsKey)
        .forEach(id -> inputs.put(id, documents.get(id)));
    return inputs;
  }

  @Override
  public synchronized Set<ResultKey> finished(String batchId, Collection<String> documentIds) {
    Set<ResultKey> keys = new HashSet<>();
    visible().values().stream()
        .filter(r -> r.key().batchId().equals(batchId))
        .filter(r -> documentIds.contains(r.key().documentId()))
        .filter(r -> r.status() != AnalysisStatus.FAILED)
        .forEach(r -> keys.add(r.key()));
    return keys;
  }

  @Override
  public synchronized void record(
      BatchItem item, int partitionNo, String batchId, AnalysisKind kind, AnalysisOutcome outcome) {
    if (failOnce.remove(item.documentId())) {
      throw new IllegalStateException("injected failure writing item " + item.itemNo());
    }
    ResultKey key = new ResultKey(batchId, item.documentId(), kind.apiName());
    AnalysisResult result = new AnalysisResult(key, item.itemNo(), partitionNo, clock);
    result.record(outcome, clock);
    Transaction tx = currentTransaction();
    if (tx == null) {
      commit(Map.of(key, result));
    } else {
      pendingOf(tx).put(key, result);
    }
  }

  @Override
  public synchronized void started(String batchId, long executionId) {
    batch(batchId).ifPresent(b -> b.started(executionId, clock));
  }

  @Override
  public synchronized void moveTo(String batchId, BatchState state) {
    batch(batchId)
        .filter(b -> b.status() != state && (!b.status().isFinal() || state.isFinal()))
        .ifPresent(b -> b.moveTo(state, clock));
  }

  @Override
  public synchronized BatchProgress progress(AnalysisBatch batch) {
    Map<Integer, long[]> byPartition = new HashMap<>();
    for (AnalysisResult r : results(batch.id())) {
      long[] counts = byPartition.computeIfAbsent(r.partitionNo(), p -> new long[2]);
      counts[r.status() == AnalysisStatus.FAILED ? 1 : 0]++;
    }
    List<BatchProgress.Tally> tallies =
        byPartition.entrySet().stream()
            .map(
                e ->
                    new BatchProgress.Tally(
                        e.getKey(), e.getValue()[0], e.getValue()[1], 0, 0, BigDecimal.ZERO))
            .toList();
    return BatchProgress.of(batch, tallies, Instant.now());
  }

  /** Committed results overlaid with the calling thread's transaction's own writes. */
  private Map<ResultKey, AnalysisResult> visible() {
    Transaction tx = currentTransaction();
    Map<ResultKey, AnalysisResult> own = tx == null ? null : pending.get(tx);
    if (own == null) {
      return results;
    }
    Map<ResultKey, AnalysisResult> view = new HashMap<>(results);
    view.putAll(own);
    return view;
  }

  private Map<ResultKey, AnalysisResult> pendingOf(Transaction tx) {
    return pending.computeIfAbsent(
        tx,
        t -> {
          register(t);
          return new HashMap<>();
        });
  }

  private void register(Transaction tx) {
    try {
      tx.registerSynchronization(new Completion(tx));
    } catch (Exception e) {
      throw new IllegalStateException("cannot join the transaction", e);
    }
  }

  private synchronized void completed(Transaction tx, int status) {
    Map<ResultKey, AnalysisResult> writes = pending.remove(tx);
    if (writes != null && status == Status.STATUS_COMMITTED) {
      commit(writes);
    }
  }

  private void commit(Map<ResultKey, AnalysisResult> writes) {
    results.putAll(writes);
    writes
        .keySet()
        .forEach(k -> commits.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet());
  }

  private Transaction currentTransaction() {
    TransactionManager manager = transactions;
    try {
      Transaction tx = manager == null ? null : manager.getTransaction();
      return tx != null && tx.getStatus() == Status.STATUS_ACTIVE ? tx : null;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the transaction", e);
    }
  }

  /** Applies or drops a transaction's writes when it ends. */
  private final class Completion implements Synchronization {

    private final Transaction tx;

    Completion(Transaction tx) {
      this.tx = tx;
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      completed(tx, status);
    }
  }
}
