package dev.sluice.documents.batch.provider;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchJobStore;
import dev.sluice.documents.batch.BatchProgressed;
import dev.sluice.documents.batch.ResultKey;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.batch.BatchResult;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a chunk of a provider batch's results into the batch's results: each answer is handed to
 * its analysis ({@code BatchableAnalyses.answered}: the same checks, output and repairs as the
 * interactive path, priced at the batch price); an errored, expired or cancelled request becomes a
 * failed result with the provider's reason, which a restart runs again interactively. All are
 * written in the chunk's transaction, each only if its request still waited in this provider batch;
 * once it commits, each answered call gets its generation record ({@link CollectedCalls}).
 */
@Named("providerResultWriter")
@Dependent
public class ProviderResultWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(ProviderResultWriter.class.getName());

  @Inject @BatchProperty String providerBatchId;
  @Inject @BatchProperty String chunkTimeoutSeconds;

  @Inject ProviderBatchStore store;
  @Inject BatchJobStore jobs;
  @Inject ProviderBatches batches;
  @Inject ProviderResults results;
  @Inject Event<BatchProgressed> progressed;

  @Inject Event<CollectedCalls.Collected> calls;

  private record Collected(
      SubmittedAnalysis waiting, BatchResult result, ChatRequest asked, AnalysisOutcome outcome) {}

  @Override
  public void writeItems(List<Object> items) throws Exception {
    ProviderBatchRecord record = store.find(providerBatchId).orElseThrow();
    String batchId = record.batchId();
    AnalysisBatch batch = jobs.batch(batchId).orElseThrow();
    AnalysisOptions options = batches.options(batch);
    Map<ResultKey, BatchResult> byKey = new LinkedHashMap<>();
    for (Object item : items) {
      BatchResult result = ProviderResultReader.result(item);
      ResultKey key = SubmittedAnalysis.keyOf(batchId, result.customId());
      if (key != null) {
        byKey.put(key, result);
      }
    }
    List<String> documentIds =
        byKey.keySet().stream().map(ResultKey::documentId).distinct().toList();
    if (documentIds.isEmpty()) {
      return;
    }
    Map<ResultKey, SubmittedAnalysis> waiting =
        store.submittedIn(providerBatchId, batchId, documentIds);
    Map<String, AnalysisInput> inputs = jobs.inputs(documentIds);
    List<CompletableFuture<Collected>> outcomes = new ArrayList<>();
    byKey.forEach(
        (key, result) -> {
          SubmittedAnalysis one = waiting.get(key);
          if (one != null) {
            AnalysisInput input = inputs.get(key.documentId());
            ChatRequest asked = asked(result, input, key, options);
            outcomes.add(
                outcome(result, input, key, options, asked)
                    .thenApply(outcome -> new Collected(one, result, asked, outcome)));
          }
        });
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .get(Long.parseLong(chunkTimeoutSeconds), TimeUnit.SECONDS);
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal listCost = BigDecimal.ZERO;
    int written = 0;
    List<ProviderCallEnded> answered = new ArrayList<>();
    Instant now = Instant.now();
    for (CompletableFuture<Collected> done : outcomes) {
      Collected c = done.join();
      if (results.record(c.waiting(), providerBatchId, c.outcome())) {
        written++;
        if (c.result().outcome() == BatchResult.Outcome.SUCCEEDED) {
          ChatResult answer = c.result().result();
          BigDecimal batchCost = batches.batchCost(answer);
          cost = cost.add(batchCost);
          listCost = listCost.add(batches.listCost(answer));
          if (c.asked() != null) {
            answered.add(
                new ProviderCallEnded(
                    CallOrigin.document(
                        false, batch.owner(), c.waiting().key().documentId(), batchId),
                    c.asked(),
                    batch.priority(),
                    record.createdAt(),
                    now,
                    answer.withCost(batchCost),
                    null,
                    List.of()));
          }
        }
      }
    }
    store.addCost(providerBatchId, cost, listCost);
    calls.fire(new CollectedCalls.Collected(answered, listCost.subtract(cost)));
    progressed.fire(new BatchProgressed(batchId, written));
  }

  /** The call the provider answered, as the analysis makes it now; null if it makes none. */
  private ChatRequest asked(
      BatchResult result, AnalysisInput input, ResultKey key, AnalysisOptions options) {
    if (input == null || result.outcome() != BatchResult.Outcome.SUCCEEDED) {
      return null;
    }
    return batches
        .analyses()
        .singleCall(input, AnalysisKind.parse(key.analysis()), options)
        .orElse(null);
  }

  private CompletableFuture<AnalysisOutcome> outcome(
      BatchResult result,
      AnalysisInput input,
      ResultKey key,
      AnalysisOptions options,
      ChatRequest asked) {
    if (input == null) {
      return CompletableFuture.completedFuture(
          AnalysisOutcome.failed("DOCUMENT_GONE", "the document was deleted", 0, 0));
    }
    if (result.outcome() != BatchResult.Outcome.SUCCEEDED) {
      return CompletableFuture.completedFuture(
          AnalysisOutcome.failed(
              "PROVIDER_BATCH_" + result.outcome().name(), result.error(), 1, 0));
    }
    AnalysisKind kind = AnalysisKind.parse(key.analysis());
    return batches
        .analyses()
        .answered(input, kind, options, asked, result.result(), null)
        .toCompletableFuture()
        .exceptionally(
            failure -> {
              // The analysis turns every failure it knows into an outcome: this one is a bug.
              LOG.log(Level.WARNING, "collecting " + key.documentId() + " failed", failure);
              return AnalysisOutcome.failed("INTERNAL", "the analysis failed unexpectedly", 1, 0);
            });
  }
}
