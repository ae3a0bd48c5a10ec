package dev.sluice.documents.analysis;

import dev.sluice.documents.DocumentKind;
import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.TranscriptionRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One analysis of one document, from its input to its output text: text analyses (on the text, or
 * on an audio document's transcript, condensed when too long), image descriptions and
 * transcriptions. Every step is a stage; none waits on a thread.
 */
final class AnalysisRun {

  private final AnalysisInput input;
  private final AnalysisOptions options;
  private final ModelChoice models;
  private final ModelInfo model;
  private final ModelCalls calls;
  private final Transcriber transcriber;
  private final Tally tally;
  private final int parallelism;

  AnalysisRun(
      AnalysisInput input,
      AnalysisOptions options,
      ModelChoice models,
      ModelCalls calls,
      Transcriber transcriber,
      Tally tally,
      int parallelism) {
    this.input = input;
    this.options = options;
    this.models = models;
    this.model = models.main(options.model());
    this.calls = calls;
    this.transcriber = transcriber;
    this.tally = tally;
    this.parallelism = parallelism;
  }

  CompletionStage<String> run(AnalysisKind kind) {
    return switch (kind) {
      case TRANSCRIBE -> transcribe();
      case DESCRIBE_IMAGE -> describeImage();
      default -> analyseText(kind);
    };
  }

  private CompletionStage<String> analyseText(AnalysisKind kind) {
    String instruction = kind == AnalysisKind.CUSTOM ? options.customInstruction() : null;
    if (kind == AnalysisKind.CUSTOM && (instruction == null || instruction.isBlank())) {
      throw new AnalysisFailure("MISSING_INSTRUCTION", "custom analysis needs an instruction");
    }
    if (!model.can(Capability.STREAMING)) {
      throw new AnalysisFailure(
          "UNSUITABLE_MODEL", "model '" + model.id() + "' cannot write text analyses");
    }
    return sourceText().thenCompose(text -> analyse(Prompts.task(kind), text, instruction));
  }

  /** The document's text; for audio not yet transcribed, its transcript. */
  private CompletionStage<String> sourceText() {
    if (input.text() != null) {
      return CompletableFuture.completedFuture(input.text());
    }
    if (input.kind() == DocumentKind.AUDIO) {
      return transcribe();
    }
    throw new AnalysisFailure("NO_TEXT", "the document has no text");
  }

  private CompletionStage<String> analyse(Prompts.Task task, String text, String instruction) {
    if (text.isBlank()) {
      throw new AnalysisFailure("NO_TEXT", "the document's text is empty");
    }
    String title = input.title();
    int budget =
        TextBudget.of(
            model,
            Prompts.analysis(model, task, title, "", true, instruction),
            TokenCounter.instance());
    return new Condenser(calls, model, title, instruction, parallelism)
        .fit(text, budget)
        .thenCompose(
            fitted ->
                calls.ask(
                    Prompts.analysis(
                        model, task, title, fitted.text(), fitted.condensed(), instruction),
                    task.format()));
  }

  private CompletionStage<String> describeImage() {
    if (!model.can(Capability.VISION)) {
      throw new AnalysisFailure(
          "MODEL_LACKS_VISION",
          "model '" + model.id() + "' cannot read images; choose a model with vision");
    }
    byte[] image = content();
    return calls.ask(
        Prompts.image(model, input.title(), MediaTypes.base(input.contentType()), image),
        OutputFormat.TEXT);
  }

  private CompletionStage<String> transcribe() {
    ModelInfo transcription = models.transcription(model);
    TranscriptionRequest request =
        new TranscriptionRequest(
            transcription.id(),
            content(),
            MediaTypes.audioFileName(input.documentId(), input.contentType()),
            MediaTypes.base(input.contentType()),
            null);
    return transcriber
        .transcribe(request, options.priority())
        .whenComplete(
            (result, error) -> {
              if (result != null) {
                tally.transcribed(result);
              } else {
                tally.failed(1);
              }
            })
        .thenApply(result -> result.text() == null ? "" : result.text());
  }

  /** The original bytes, loaded on the caller's thread before any call goes out. */
  private byte[] content() {
    byte[] bytes = input.content() == null ? null : input.content().get();
    if (bytes == null || bytes.length == 0) {
      throw new AnalysisFailure("NO_CONTENT", "the document's content is missing");
    }
    return bytes;
  }
}
