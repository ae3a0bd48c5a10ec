package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code document-analysis} job needs of provider mode (issue 16; {@code
 * documents.batch.provider} implements it): its writer hands analyses that are one call to the
 * provider, and its listener leaves a batch waiting while its provider batches work.
 */
public interface ProviderMode {

  /** Keys of these documents' analyses already handed to the provider: not to be run again. */
  Set<ResultKey> submitted(String batchId, Collection<String> documentIds);

  /**
   * Hands the analysis to the provider, in the chunk's transaction, when it is one model call: true
   * if it did, false when it must run interactively.
   *
   * @param input the document, or null when it was deleted
   */
  boolean submit(
      BatchItem item,
      int partitionNo,
      String batchId,
      AnalysisKind kind,
      AnalysisInput input,
      AnalysisOptions options);

  /**
   * The state a batch whose job ended in {@code jobEnd} takes while provider batches are still to
   * collect; empty when nothing waits (the job's end is the batch's).
   */
  Optional<BatchState> whileWaiting(String batchId, BatchState jobEnd);

  /** Ends a waiting batch if nothing is left to collect; safe to call any time. */
  void settle(String batchId);
}
