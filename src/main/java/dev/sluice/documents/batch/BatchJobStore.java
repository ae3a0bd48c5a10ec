package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOutcome;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code document-analysis} job reads and writes: a batch's settings, pages of its
 * unfinished items, the documents behind them, and one result per (batch, document, analysis). The
 * job's artifacts depend on this port; {@link BatchStore} is its JPA adapter, whose writes join the
 * chunk's transaction.
 */
public interface BatchJobStore {

  Optional<AnalysisBatch> batch(String batchId);

  /**
   * Up to {@code max} items after {@code afterItem} up to {@code lastItem}, in order, that still
   * lack a finished (completed or skipped) result for some of the batch's {@code analyses}, each
   * with what was found of its document.
   */
  List<BatchItem> unfinishedItems(
      String batchId, int afterItem, int lastItem, int analyses, int max);

  /** The documents of these items as the analyses read them; a deleted document is absent. */
  Map<String, AnalysisInput> inputs(Collection<String> documentIds);

  /** Keys of this batch's results for these documents that need no new run. */
  Set<ResultKey> finished(String batchId, Collection<String> documentIds);

  /** Writes one outcome: a new result, or the same result again for an item that runs again. */
  void record(
      BatchItem item, int partitionNo, String batchId, AnalysisKind kind, AnalysisOutcome outcome);

  /** Records the batch runtime's execution of a batch. */
  void started(String batchId, long executionId);

  /**
   * Moves the batch to {@code state}; a batch that has ended leaves its end only to start again.
   */
  void moveTo(String batchId, BatchState state);

  /** The batch's progress now. */
  BatchProgress progress(AnalysisBatch batch);
}
