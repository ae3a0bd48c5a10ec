package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.DocumentAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One analysis of one document in a run, for batch chunks and upload runs alike: started under the
 * run's limiter, then its outcome recorded and counted. Starting never fails: a deleted document,
 * an analysis that does not apply and an unexpected failure are outcomes, the last one logged with
 * its cause.
 */
@ApplicationScoped
public class LimitedAnalyses {

  private static final Logger LOG = Logger.getLogger(LimitedAnalyses.class.getName());

  @Inject DocumentAnalyzer analyzer;
  @Inject BatchJobStore store;
  @Inject BatchJobMetrics metrics;

  /**
   * @param input the document's input, or null when it was deleted
   * @param runId the batch or upload run, for the log
   */
  public CompletableFuture<AnalysisOutcome> start(
      ConcurrencyLimiter limiter,
      AnalysisInput input,
      AnalysisKind kind,
      AnalysisOptions options,
      String runId) {
    if (input == null) {
      return CompletableFuture.completedFuture(
          AnalysisOutcome.failed("DOCUMENT_GONE", "the document was deleted", 0, 0));
    }
    if (!kind.appliesTo(input.kind())) {
      return CompletableFuture.completedFuture(
          AnalysisOutcome.skipped(kind.apiName() + " does not apply to " + input.contentType()));
    }
    return limiter
        .submit(() -> analyzer.analyze(input, kind, options))
        .handle(
            (outcome, error) -> {
              if (error == null) {
                return outcome;
              }
              // The analyzer turns every failure it knows into an outcome: this one is a bug.
              LOG.log(
                  Level.WARNING,
                  kind.apiName()
                      + " of document "
                      + input.documentId()
                      + " in run "
                      + runId
                      + " failed unexpectedly",
                  error);
              return AnalysisOutcome.failed("INTERNAL", "the analysis failed unexpectedly", 0, 0);
            });
  }

  /**
   * Writes the outcome in the caller's transaction (a chunk's, with its checkpoint) or, without
   * one, in its own; then counts it.
   */
  public void record(
      BatchItem item, int partitionNo, String runId, AnalysisKind kind, AnalysisOutcome outcome) {
    store.record(item, partitionNo, runId, kind, outcome);
    metrics.result(kind, outcome.status());
  }
}
