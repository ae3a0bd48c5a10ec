package dev.sluice.documents.analysis;

import dev.sluice.admission.Priority;
import dev.sluice.llm.Capability;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.Price;
import dev.sluice.llm.Role;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An analysis engine on a {@link ScriptedGate} and a fake transcriber, with a catalog of a large
 * model with vision ({@code big}, the default), one without vision ({@code blind}), one with a tiny
 * context window ({@code tiny}), one too small to read anything long ({@code wee}) and a
 * transcription model ({@code ears}).
 */
final class Fixture {

  static final String TRANSCRIPT = "Hello from the audio. The weather was lovely and calm.";

  final ScriptedGate gate = new ScriptedGate();
  final List<TranscriptionRequest> transcriptions = Collections.synchronizedList(new ArrayList<>());
  Function<TranscriptionRequest, CompletionStage<Transcription>> transcriber =
      request ->
          CompletableFuture.completedFuture(
              new Transcription(
                  TRANSCRIPT, request.model(), "sim", "t-1", Duration.ZERO, BigDecimal.ZERO));
  int sectionParallelism = 4;

  static final ModelCatalog CATALOG =
      new ModelCatalog(
          List.of(
              model("big", 128_000, 4096, Capability.VISION, Capability.JSON_OUTPUT),
              model("blind", 32_000, 4096, Capability.JSON_OUTPUT),
              model("tiny", 1_200, 150, Capability.JSON_OUTPUT),
              model("wee", 600, 150),
              new ModelInfo(
                  "ears", "sim", 4096, 4096, Set.of(Capability.TRANSCRIPTION), Price.FREE)));

  AnalysisEngine engine() {
    return new AnalysisEngine(
        gate,
        (request, priority) -> {
          transcriptions.add(request);
          return transcriber.apply(request);
        },
        () -> new ModelChoice(CATALOG, "big", m -> true, "auto"),
        System::nanoTime,
        sectionParallelism);
  }

  /** Provider-batch halves of the same analyses, on the same gate, models and parallelism. */
  BatchableAnalyses batchable() {
    return new BatchableAnalyses(
        gate,
        () -> new ModelChoice(CATALOG, "big", m -> true, "auto"),
        System::nanoTime,
        sectionParallelism);
  }

  AnalysisOutcome run(AnalysisInput input, AnalysisKind kind, String model) {
    return runWith(input, kind, new AnalysisOptions(model, Priority.BATCH, null));
  }

  AnalysisOutcome runWith(AnalysisInput input, AnalysisKind kind, AnalysisOptions options) {
    CompletableFuture<AnalysisOutcome> outcome =
        engine().analyze(input, kind, options).toCompletableFuture();
    return outcome.join();
  }

  static AnalysisInput text(String text) {
    return new AnalysisInput("d-1", "Rivers", "text/plain", text, () -> null);
  }

  static AnalysisInput image() {
    byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
    return new AnalysisInput("d-2", "Harbour", "image/png", null, () -> png);
  }

  static AnalysisInput audio(String text) {
    byte[] mp3 = "ID3 fake audio".getBytes(StandardCharsets.UTF_8);
    return new AnalysisInput("d-3", "Memo", "audio/mpeg", text, () -> mp3);
  }

  static String user(ChatRequest request) {
    return request.lastUserText();
  }

  static String system(ChatRequest request) {
    return request.messages().stream()
        .filter(m -> m.role() == Role.SYSTEM)
        .map(m -> m.text())
        .findFirst()
        .orElse("");
  }

  private static ModelInfo model(String id, int window, int maxOutput, Capability... caps) {
    Set<Capability> all = new java.util.HashSet<>(Set.of(caps));
    all.add(Capability.STREAMING);
    return new ModelInfo(id, "sim", window, maxOutput, all, Price.FREE);
  }
}
