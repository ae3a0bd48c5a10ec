package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;

/**
 * What the {@code document-analysis} job reports as it runs: each result, a batch starting and a
 * batch ending. {@link BatchMetrics} is its MicroProfile Metrics adapter.
 */
public interface BatchJobMetrics {

  /** One result recorded, by analysis and outcome. */
  void result(AnalysisKind kind, AnalysisStatus status);

  /** The batch started running. */
  void running(String batchId);

  /** The batch ended (its row holds its final state and times). */
  void finished(AnalysisBatch batch);
}
