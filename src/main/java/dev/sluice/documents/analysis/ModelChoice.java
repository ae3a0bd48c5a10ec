package dev.sluice.documents.analysis;

import dev.sluice.llm.Capability;
import dev.sluice.llm.ModelCatalog;
import dev.sluice.llm.ModelInfo;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * Which models an analysis uses: the requested model (or the default) for text and images, and for
 * audio a model that can transcribe, preferably from the same provider.
 *
 * @param transcriptionModel {@code sluice.analysis.transcription-model}: a model id, or {@code
 *     auto}
 */
record ModelChoice(
    ModelCatalog catalog,
    String defaultModel,
    Predicate<ModelInfo> available,
    String transcriptionModel) {

  static final String AUTO = "auto";

  ModelInfo main(String requested) {
    String id = requested == null || requested.isBlank() ? defaultModel : requested.strip();
    return catalog
        .find(id)
        .orElseThrow(() -> new AnalysisFailure("UNKNOWN_MODEL", "unknown model '" + id + "'"));
  }

  ModelInfo transcription(ModelInfo main) {
    if (main.can(Capability.TRANSCRIPTION)) {
      return main;
    }
    if (transcriptionModel != null && !AUTO.equalsIgnoreCase(transcriptionModel.strip())) {
      return catalog
          .find(transcriptionModel.strip())
          .filter(m -> m.can(Capability.TRANSCRIPTION))
          .orElseThrow(
              () ->
                  noTranscription(
                      "sluice.analysis.transcription-model '"
                          + transcriptionModel
                          + "' is not a transcription model"));
    }
    return catalog.all().stream()
        .filter(m -> m.can(Capability.TRANSCRIPTION))
        .filter(available)
        .min(Comparator.comparing(m -> m.provider().equals(main.provider()) ? 0 : 1))
        .orElseThrow(() -> noTranscription("no configured provider can transcribe audio"));
  }

  private static AnalysisFailure noTranscription(String why) {
    return new AnalysisFailure("NO_TRANSCRIPTION_MODEL", why);
  }
}
