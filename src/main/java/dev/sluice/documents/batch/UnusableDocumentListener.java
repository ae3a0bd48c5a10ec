package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Records a skipped item: one failed result per analysis of the batch, with the reason's code
 * ({@code DOCUMENT_GONE}, {@code NO_TEXT}) and a safe message, in the chunk's transaction, so the
 * item ends with its results like every other one.
 */
@Named("unusableDocumentListener")
@Dependent
public class UnusableDocumentListener implements SkipProcessListener {

  @Inject @BatchProperty String batchId;

  @Inject @BatchProperty String partitionNo;

  @Inject BatchJobStore store;
  @Inject Event<BatchProgressed> progressed;
  @Inject BatchJobMetrics metrics;

  @Override
  public void onSkipProcessItem(Object item, Exception cause) throws Exception {
    if (!(cause instanceof UnusableDocumentException unusable)) {
      return;
    }
    List<AnalysisKind> analyses =
        store
            .batch(batchId)
            .orElseThrow(() -> new IllegalStateException("no batch " + batchId))
            .analyses();
    AnalysisOutcome outcome = AnalysisOutcome.failed(unusable.code(), unusable.getMessage(), 0, 0);
    int partition = Integer.parseInt(partitionNo);
    for (AnalysisKind kind : analyses) {
      store.record(unusable.item(), partition, batchId, kind, outcome);
      metrics.result(kind, AnalysisStatus.FAILED);
    }
    progressed.fire(new BatchProgressed(batchId, analyses.size()));
  }
}
