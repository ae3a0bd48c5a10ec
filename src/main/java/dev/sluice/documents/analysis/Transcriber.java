package dev.sluice.documents.analysis;

import dev.sluice.admission.Priority;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import java.util.concurrent.CompletionStage;

/**
 * Turns audio into text through its model's admission lane; in the server this is {@link
 * dev.sluice.admission.service.TranscriptionService#transcribe}.
 */
@FunctionalInterface
public interface Transcriber {

  CompletionStage<Transcription> transcribe(TranscriptionRequest request, Priority priority);
}
