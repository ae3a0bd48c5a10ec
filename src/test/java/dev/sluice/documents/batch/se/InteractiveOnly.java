package dev.sluice.documents.batch.se;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.batch.BatchItem;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.ProviderMode;
import dev.sluice.documents.batch.ResultKey;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Provider mode switched off, for the job on JBeret SE: nothing is handed to a provider, so the
 * writer calls every analysis, and the job's submit step has nothing to do. Provider mode itself
 * runs on a server (ProviderBatchesIT).
 */
@ApplicationScoped
class InteractiveOnly implements ProviderMode {

  @Override
  public Set<ResultKey> submitted(String batchId, Collection<String> documentIds) {
    return Set.of();
  }

  @Override
  public boolean submit(
      BatchItem item,
      int partitionNo,
      String batchId,
      AnalysisKind kind,
      AnalysisInput input,
      AnalysisOptions options) {
    return false;
  }

  @Override
  public Optional<BatchState> whileWaiting(String batchId, BatchState jobEnd) {
    return Optional.empty();
  }

  @Override
  public void settle(String batchId) {}

  /** The submit step's batchlet: an interactive batch submits nothing. */
  @Named("providerBatchSubmitter")
  static class NoSubmission extends AbstractBatchlet {

    @Override
    public String process() {
      return "INTERACTIVE";
    }
  }
}
