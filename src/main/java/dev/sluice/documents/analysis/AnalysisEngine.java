package dev.sluice.documents.analysis;

import dev.sluice.admission.Priority;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The analyses themselves, free of the container: what {@link GatedDocumentAnalyzer} runs in the
 * server and tests run against a fake gate. Skips analyses that do not apply, turns every failure
 * into a {@link AnalysisStatus#FAILED} outcome and sums what all of an analysis's calls spent.
 */
public final class AnalysisEngine implements DocumentAnalyzer {

  private final GatedCalls gate;
  private final Transcriber transcriber;
  private final Supplier<ModelChoice> models;
  private final LongSupplier nanoClock;
  private final int sectionParallelism;

  /**
   * @param models the catalog and defaults, read per analysis so configuration changes apply
   * @param sectionParallelism section summaries of one long document in flight at once
   */
  AnalysisEngine(
      GatedCalls gate,
      Transcriber transcriber,
      Supplier<ModelChoice> models,
      LongSupplier nanoClock,
      int sectionParallelism) {
    this.gate = gate;
    this.transcriber = transcriber;
    this.models = models;
    this.nanoClock = nanoClock;
    this.sectionParallelism = Math.max(1, sectionParallelism);
  }

  @Override
  public CompletionStage<AnalysisOutcome> analyze(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options) {
    if (!kind.appliesTo(input.kind())) {
      return CompletableFuture.completedFuture(
          AnalysisOutcome.skipped(
              kind.apiName()
                  + " does not apply to "
                  + input.kind().name().toLowerCase(Locale.ROOT)
                  + " documents"));
    }
    Tally tally = new Tally(nanoClock);
    CompletionStage<String> output;
    try {
      output = start(input, kind, withDefaults(options), tally);
    } catch (RuntimeException e) {
      output = CompletableFuture.failedFuture(e);
    }
    return output.handle((text, error) -> end(tally, text, error, input, kind));
  }

  private CompletionStage<String> start(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options, Tally tally) {
    ModelCalls calls =
        new ModelCalls(
            gate,
            options.priority(),
            options.origin().about(input.documentId()),
            tally,
            options.calls());
    return new AnalysisRun(
            input, options, models.get(), calls, transcriber, tally, sectionParallelism)
        .run(kind);
  }

  private static AnalysisOutcome end(
      Tally tally, String output, Throwable error, AnalysisInput input, AnalysisKind kind) {
    if (error == null) {
      return tally.completed(output);
    }
    Failures.Ending ending =
        Failures.of(error, kind.apiName() + " of document " + input.documentId());
    return tally.failed(ending.code(), ending.message());
  }

  private static AnalysisOptions withDefaults(AnalysisOptions options) {
    if (options == null) {
      return new AnalysisOptions(null, Priority.BATCH, null);
    }
    if (options.priority() == null) {
      return new AnalysisOptions(
          options.model(),
          Priority.BATCH,
          options.customInstruction(),
          options.origin(),
          options.calls());
    }
    return options;
  }
}
