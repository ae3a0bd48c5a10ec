package dev.sluice.documents.batch.provider;

import dev.sluice.documents.analysis.AnalysisOutcome;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.util.List;

/**
 * The {@code settle} step of {@code provider-batch-collect}: every request the provider returned no
 * result for (a batch that failed its validation, a malformed line) gets a failed result; the
 * provider batch is marked collected, its downloaded file deleted, and the document batch ended if
 * nothing else is left to collect.
 */
@Named("providerBatchSettler")
@Dependent
public class ProviderBatchSettler extends AbstractBatchlet {

  @Inject @BatchProperty String providerBatchId;

  @Inject ProviderBatchStore store;
  @Inject ProviderResults results;
  @Inject WaitingBatches waiting;

  @Override
  public String process() throws Exception {
    ProviderBatchRecord record = store.find(providerBatchId).orElseThrow();
    AnalysisOutcome none =
        AnalysisOutcome.failed(
            "PROVIDER_BATCH_NO_RESULT",
            "the provider batch ended ("
                + record.status().toLowerCase(java.util.Locale.ROOT)
                + ") without a result for this request; restart the batch to run it again",
            0,
            0);
    int failed = 0;
    int written;
    do {
      List<SubmittedAnalysis> left =
          store.page(record.batchId(), providerBatchId, 0, "", ProviderBatchSubmitter.PAGE);
      written = results.recordAll(left, providerBatchId, none);
      failed += written;
    } while (written > 0);
    store.collected(providerBatchId);
    Files.deleteIfExists(ResultFiles.of(providerBatchId));
    waiting.settle(record.batchId());
    return "NO RESULT " + failed;
  }
}
