package dev.sluice.documents.analysis;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Analyses a provider's batch API can answer (issue 16), asked in two halves. First the analysis's
 * call is captured without being sent ({@link #singleCall}): an analysis whose whole work is one
 * model call (a text that fits its model, an image to describe) has one. Later the provider's
 * answer to it is handed back ({@link #answered}) and the analysis runs exactly as it would have
 * interactively, on the same code: the same prompts, the same checks of the answer's shape, the
 * same output, and any further call it makes (a repair of an invalid answer) goes through the gate.
 * Anything else (a text that must be condensed first, audio to transcribe, an analysis that does
 * not apply or fails before calling) has no single call, and runs interactively.
 */
public final class BatchableAnalyses {

  private final GatedCalls gate;
  private final Supplier<ModelChoice> models;
  private final LongSupplier nanoClock;
  private final int sectionParallelism;

  BatchableAnalyses(
      GatedCalls gate, Supplier<ModelChoice> models, LongSupplier nanoClock, int parallelism) {
    this.gate = gate;
    this.models = models;
    this.nanoClock = nanoClock;
    this.sectionParallelism = parallelism;
  }

  /**
   * The one call the analysis would make, captured unsent; empty when it would make none or more
   * than one (the calls it would make at once are all captured, so a text split into sections shows
   * several), or would transcribe first.
   */
  public Optional<ChatRequest> singleCall(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options) {
    Capture capture = new Capture();
    engine(capture, capture::transcribe).analyze(input, kind, options);
    return capture.transcribes.get() || capture.requests.size() != 1
        ? Optional.empty()
        : Optional.of(capture.requests.get(0));
  }

  /**
   * The analysis, run with the provider's answer to its {@link #singleCall}: that call is answered
   * with {@code answer} (priced at the model's batch price when the answer carries no cost), or
   * fails with {@code failure}; any other call the analysis makes goes through the gate, as does a
   * call that differs from the one asked (the document changed meanwhile).
   *
   * @param asked the request the provider answered, as {@link #singleCall} gave it
   */
  public CompletionStage<AnalysisOutcome> answered(
      AnalysisInput input,
      AnalysisKind kind,
      AnalysisOptions options,
      ChatRequest asked,
      ChatResult answer,
      Throwable failure) {
    AtomicBoolean used = new AtomicBoolean();
    GatedCalls replay =
        (request, priority, origin) -> {
          if (request.equals(asked) && used.compareAndSet(false, true)) {
            return new Answered(
                failure != null
                    ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(priced(answer)));
          }
          return gate.start(request, priority, origin);
        };
    return engine(replay, this::noTranscription).analyze(input, kind, options);
  }

  private ChatResult priced(ChatResult answer) {
    if (answer.costUsd() != null) {
      return answer;
    }
    Optional<ModelInfo> model = models.get().catalog().find(answer.requestedModel());
    Price price = model.flatMap(ModelInfo::providerBatchPrice).orElse(Price.FREE);
    return answer.withCost(price.cost(answer.usage()));
  }

  private CompletionStage<Transcription> noTranscription(
      TranscriptionRequest request, Priority priority) {
    return CompletableFuture.failedFuture(
        new AnalysisFailure("NOT_BATCHABLE", "an analysis that transcribes is not batched"));
  }

  private AnalysisEngine engine(GatedCalls calls, Transcriber transcriber) {
    return new AnalysisEngine(calls, transcriber, models, nanoClock, sectionParallelism);
  }

  /** Records the calls an analysis makes at once, answering none of them. */
  private static final class Capture implements GatedCalls {

    final List<ChatRequest> requests = new ArrayList<>();
    final AtomicBoolean transcribes = new AtomicBoolean();

    @Override
    public synchronized GatedStream start(
        ChatRequest request, Priority priority, CallOrigin origin) {
      requests.add(request);
      return new Answered(new CompletableFuture<>());
    }

    CompletionStage<Transcription> transcribe(TranscriptionRequest request, Priority priority) {
      transcribes.set(true);
      return new CompletableFuture<>();
    }
  }

  /** A call answered without the gate: by a batch's result, or never (a captured one). */
  private record Answered(CompletionStage<ChatResult> result) implements GatedStream {

    @Override
    public List<Attempt> attempts() {
      return List.of();
    }

    @Override
    public boolean dropped() {
      return false;
    }

    @Override
    public void cancel() {}
  }
}
