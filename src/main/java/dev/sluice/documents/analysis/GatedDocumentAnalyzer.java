package dev.sluice.documents.analysis;

import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.admission.service.TranscriptionService;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's {@link DocumentAnalyzer}: the {@link AnalysisEngine} wired to the admission gate,
 * the transcription service and the model catalog, with metrics per analysis and outcome.
 */
@ApplicationScoped
public class GatedDocumentAnalyzer implements DocumentAnalyzer {

  private static final Logger LOG = Logger.getLogger(GatedDocumentAnalyzer.class.getName());

  @Inject AdmissionGate gate;
  @Inject TranscriptionService transcription;
  @Inject ProviderRegistry providers;
  @Inject AnalysisMetrics metrics;

  @Inject
  @ConfigProperty(name = "sluice.analysis.transcription-model", defaultValue = "auto")
  String transcriptionModel;

  @Inject
  @ConfigProperty(name = "sluice.analysis.section-parallelism", defaultValue = "4")
  int sectionParallelism;

  private AnalysisEngine engine;

  private BatchableAnalyses batchable;

  @PostConstruct
  void init() {
    GatedCalls calls =
        (request, priority, origin) ->
            gate.stream(request, priority, origin, StreamListener.IGNORE);
    engine =
        new AnalysisEngine(
            calls, transcription::transcribe, this::models, System::nanoTime, sectionParallelism);
    batchable = new BatchableAnalyses(calls, this::models, System::nanoTime, sectionParallelism);
  }

  /** The same analyses in two halves, for provider batches; other calls through the same gate. */
  public BatchableAnalyses batchable() {
    return batchable;
  }

  @Override
  public CompletionStage<AnalysisOutcome> analyze(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options) {
    return engine
        .analyze(input, kind, options)
        .thenApply(
            outcome -> {
              try {
                metrics.record(kind, outcome);
              } catch (RuntimeException e) {
                // A metrics failure must not turn a finished analysis into a failed stage.
                LOG.log(Level.WARNING, "recording analysis metrics failed", e);
              }
              return outcome;
            });
  }

  private ModelChoice models() {
    ProviderDirectory directory = providers.directory();
    return new ModelChoice(
        directory.catalog(), directory.defaultModel(), directory::available, transcriptionModel);
  }
}
