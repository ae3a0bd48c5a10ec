package dev.sluice.documents.batch.provider;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.batch.BatchItem;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.ProviderMode;
import dev.sluice.documents.batch.ResultKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Provider mode as the {@code document-analysis} job sees it. The writer's half: an analysis whose
 * whole work is one model call is handed to the provider (a {@link SubmittedAnalysis} row in the
 * chunk's transaction, written to a request file by the submit step); any other runs interactively
 * there and then, as in interactive mode. The listener's half: a batch whose job ends with provider
 * batches working waits for them ({@link WaitingBatches}).
 */
@ApplicationScoped
public class ProviderSubmissions implements ProviderMode {

  @Inject ProviderBatches batches;
  @Inject ProviderBatchStore store;
  @Inject WaitingBatches waiting;

  @Override
  public Set<ResultKey> submitted(String batchId, Collection<String> documentIds) {
    return store.submitted(batchId, documentIds);
  }

  /**
   * Hands the analysis to the provider when it is one call: true if it did, false when it must run
   * interactively (a text to condense in sections, audio to transcribe, a deleted document, an
   * analysis that does not apply).
   */
  @Override
  public boolean submit(
      BatchItem item,
      int partitionNo,
      String batchId,
      AnalysisKind kind,
      AnalysisInput input,
      AnalysisOptions options) {
    if (input == null
        || !kind.appliesTo(input.kind())
        || batches.analyses().singleCall(input, kind, options).isEmpty()) {
      return false;
    }
    store.submit(
        new ResultKey(batchId, item.documentId(), kind.apiName()), item.itemNo(), partitionNo);
    return true;
  }

  @Override
  public Optional<BatchState> whileWaiting(String batchId, BatchState jobEnd) {
    return waiting.whileWaiting(batchId, jobEnd);
  }

  @Override
  public void settle(String batchId) {
    waiting.settle(batchId);
  }
}
