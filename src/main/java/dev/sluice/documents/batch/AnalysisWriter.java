package dev.sluice.documents.batch;

import dev.sluice.admission.CallOrigin;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.DocumentAnalyzer;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Analyses one chunk's documents: every (document, analysis) still to do goes to the analyzer at
 * once, bounded by the batch's shared limiter and the admission gate, so a chunk takes about as
 * long as its slowest call, not the sum of them. Then all outcomes are written in the chunk's
 * transaction, with its checkpoint. Waiting here blocks a batch thread, which is what it is for.
 */
@Named("analysisWriter")
@Dependent
public class AnalysisWriter extends AbstractItemWriter {

  @Inject @BatchProperty String batchId;

  @Inject @BatchProperty String partitionNo;

  @Inject @BatchProperty String chunkTimeoutSeconds;

  @Inject BatchJobStore store;
  @Inject DocumentAnalyzer analyzer;
  @Inject BatchLimiters limiters;
  @Inject Event<BatchProgressed> progressed;
  @Inject BatchJobMetrics metrics;

  private record Done(BatchItem item, AnalysisKind kind, AnalysisOutcome outcome) {}

  @Override
  public void writeItems(List<Object> items) throws Exception {
    AnalysisBatch batch =
        store.batch(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
    List<BatchItem> chunk = items.stream().map(BatchItem.class::cast).toList();
    List<String> ids = chunk.stream().map(BatchItem::documentId).toList();
    Map<String, AnalysisInput> inputs = store.inputs(ids);
    Set<ResultKey> finished = store.finished(batchId, ids);
    ConcurrencyLimiter limiter = limiters.of(batchId, batch.maxConcurrency());
    AnalysisOptions options =
        new AnalysisOptions(
            batch.model(),
            batch.priority(),
            batch.customInstruction(),
            CallOrigin.document(false, batch.owner(), null, batchId));
    List<CompletableFuture<Done>> calls = new ArrayList<>();
    for (BatchItem item : chunk) {
      for (AnalysisKind kind : batch.analyses()) {
        if (!finished.contains(new ResultKey(batchId, item.documentId(), kind.apiName()))) {
          calls.add(analyse(item, kind, inputs.get(item.documentId()), options, limiter));
        }
      }
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .get(Long.parseLong(chunkTimeoutSeconds), TimeUnit.SECONDS);
    int partition = Integer.parseInt(partitionNo);
    for (CompletableFuture<Done> call : calls) {
      Done done = call.join();
      store.record(done.item(), partition, batchId, done.kind(), done.outcome());
      metrics.result(done.kind(), done.outcome().status());
    }
    progressed.fire(new BatchProgressed(batchId, calls.size()));
  }

  private CompletableFuture<Done> analyse(
      BatchItem item,
      AnalysisKind kind,
      AnalysisInput input,
      AnalysisOptions options,
      ConcurrencyLimiter limiter) {
    if (input == null) {
      return CompletableFuture.completedFuture(
          new Done(
              item,
              kind,
              AnalysisOutcome.failed("DOCUMENT_GONE", "the document was deleted", 0, 0)));
    }
    if (!kind.appliesTo(input.kind())) {
      return CompletableFuture.completedFuture(
          new Done(
              item,
              kind,
              AnalysisOutcome.skipped(
                  kind.apiName() + " does not apply to " + input.contentType())));
    }
    return limiter
        .submit(() -> analyzer.analyze(input, kind, options))
        .handle(
            (outcome, error) ->
                new Done(
                    item,
                    kind,
                    error == null
                        ? outcome
                        : AnalysisOutcome.failed(
                            "INTERNAL", "the analysis failed unexpectedly", 0, 0)));
  }
}
