package dev.sluice.llm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One configured provider behind one wire protocol. Implementations never block the caller: {@link
 * #stream} returns at once and delivers events on I/O or scheduler threads.
 */
public interface LlmProvider {

  /** The configured name, for example {@code openai} or {@code local-vllm}. */
  String name();

  /** Starts a streaming chat call; the listener hears each event as it arrives. */
  ChatStream stream(ChatRequest request, StreamListener listener);

  /** Transcribes audio, for providers that can; the default says it cannot. */
  default CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    return CompletableFuture.failedFuture(
        LlmException.builder(
                LlmErrorKind.INVALID_REQUEST, "provider " + name() + " cannot transcribe audio")
            .provider(name())
            .model(request.model())
            .build());
  }
}
