package dev.sluice.documents.batch;

import dev.sluice.admission.CallOrigin;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.CallGroup;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Analyses one chunk's documents: every (document, analysis) still to do goes to the analyzer at
 * once, bounded by the batch's shared limiter and the admission gate, so a chunk takes about as
 * long as its slowest call, not the sum of them. Then all outcomes are written in the chunk's
 * transaction, with its checkpoint. Waiting here blocks a batch thread, which is what it is for.
 *
 * <p>In provider mode an analysis that is one model call is not called here: it is handed to the
 * provider's batch API ({@link ProviderMode}) in the same transaction.
 */
@Named("analysisWriter")
@Dependent
public class AnalysisWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(AnalysisWriter.class.getName());

  @Inject @BatchProperty String batchId;

  @Inject @BatchProperty String partitionNo;

  @Inject @BatchProperty String chunkTimeoutSeconds;

  /** "true" in provider mode: single-call analyses go to the provider's batch API. */
  @Inject @BatchProperty String viaProvider;

  @Inject BatchJobStore store;
  @Inject LimitedAnalyses analyses;
  @Inject BatchLimiters limiters;
  @Inject Event<BatchProgressed> progressed;
  @Inject ProviderMode submissions;

  private record Done(BatchItem item, AnalysisKind kind, AnalysisOutcome outcome) {}

  @Override
  public void writeItems(List<Object> items) throws Exception {
    AnalysisBatch batch =
        store.batch(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
    List<BatchItem> chunk = items.stream().map(BatchItem.class::cast).toList();
    List<String> ids = chunk.stream().map(BatchItem::documentId).toList();
    Map<String, AnalysisInput> inputs = store.inputs(ids);
    Set<ResultKey> finished = new HashSet<>(store.finished(batchId, ids));
    boolean provider = Boolean.parseBoolean(viaProvider);
    if (provider) {
      finished.addAll(submissions.submitted(batchId, ids));
    }
    int partition = Integer.parseInt(partitionNo);
    ConcurrencyLimiter limiter = limiters.of(batchId, batch.maxConcurrency());
    CallGroup group = new CallGroup();
    AnalysisOptions options =
        new AnalysisOptions(
            batch.model(),
            batch.priority(),
            batch.customInstruction(),
            CallOrigin.document(false, batch.owner(), null, batchId),
            group);
    List<CompletableFuture<Done>> calls = new ArrayList<>();
    int submitted = 0;
    for (BatchItem item : chunk) {
      AnalysisInput input = inputs.get(item.documentId());
      for (AnalysisKind kind : batch.analyses()) {
        if (finished.contains(new ResultKey(batchId, item.documentId(), kind.apiName()))) {
          continue;
        }
        if (provider && submissions.submit(item, partition, batchId, kind, input, options)) {
          submitted++;
        } else {
          calls.add(analyse(item, kind, input, options, limiter));
        }
      }
    }
    await(calls, group);
    for (CompletableFuture<Done> call : calls) {
      Done done = call.join();
      analyses.record(done.item(), partition, batchId, done.kind(), done.outcome());
    }
    progressed.fire(new BatchProgressed(batchId, calls.size() + submitted));
  }

  private CompletableFuture<Done> analyse(
      BatchItem item,
      AnalysisKind kind,
      AnalysisInput input,
      AnalysisOptions options,
      ConcurrencyLimiter limiter) {
    return analyses
        .start(limiter, input, kind, options, batchId)
        .thenApply(outcome -> new Done(item, kind, outcome));
  }

  /**
   * Waits for the chunk's analyses; past the chunk timeout (or when the batch thread is
   * interrupted) their provider calls are cancelled, so that a chunk given up on stops costing.
   */
  private void await(List<CompletableFuture<Done>> calls, CallGroup group)
      throws InterruptedException, TimeoutException {
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
          .get(Long.parseLong(chunkTimeoutSeconds), TimeUnit.SECONDS);
    } catch (TimeoutException | InterruptedException e) {
      int cancelled = group.inFlight();
      group.cancel();
      LOG.log(
          Level.WARNING,
          "batch "
              + batchId
              + " partition "
              + partitionNo
              + ": chunk "
              + (e instanceof TimeoutException
                  ? "timed out after " + chunkTimeoutSeconds + " s"
                  : "interrupted")
              + "; cancelled "
              + cancelled
              + " provider calls in flight");
      throw e;
    } catch (ExecutionException e) {
      // Every stage ends in an outcome (see LimitedAnalyses): this is a bug, so say so.
      throw new IllegalStateException("an analysis stage failed", e.getCause());
    }
  }
}
