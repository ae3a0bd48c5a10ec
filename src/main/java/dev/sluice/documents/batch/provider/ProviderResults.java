package dev.sluice.documents.batch.provider;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.batch.BatchItem;
import dev.sluice.documents.batch.LimitedAnalyses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Turns submitted analyses into results: each result is written in the transaction that takes its
 * {@link SubmittedAnalysis} row away, and only if that row was still there, so a result is written
 * once however often its provider batch is collected.
 */
@ApplicationScoped
@Transactional
public class ProviderResults {

  @Inject ProviderBatchStore store;
  @Inject LimitedAnalyses analyses;

  /**
   * Writes the outcome of a submitted analysis in place of its waiting row, in the caller's
   * transaction (the collecting chunk's) or its own.
   *
   * @param providerBatchId the provider batch it waits in; null for one in none yet
   * @return false, writing nothing, when it no longer waited there
   */
  public boolean record(
      SubmittedAnalysis waiting, String providerBatchId, AnalysisOutcome outcome) {
    if (!store.take(waiting.key(), providerBatchId)) {
      return false;
    }
    analyses.record(
        new BatchItem(waiting.itemNo(), waiting.key().documentId(), BatchItem.Check.USABLE),
        waiting.partitionNo(),
        waiting.key().batchId(),
        AnalysisKind.parse(waiting.key().analysis()),
        outcome);
    return true;
  }

  /** Writes the same outcome for several submitted analyses, in one transaction. */
  public int recordAll(
      List<SubmittedAnalysis> waiting, String providerBatchId, AnalysisOutcome outcome) {
    int written = 0;
    for (SubmittedAnalysis one : waiting) {
      if (record(one, providerBatchId, outcome)) {
        written++;
      }
    }
    return written;
  }
}
