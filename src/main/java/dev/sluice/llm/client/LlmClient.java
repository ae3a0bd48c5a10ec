package dev.sluice.llm.client;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ModelInfo;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Starts provider calls for the rest of Sluice: picks the adapter serving the requested model,
 * prices the result from the catalog and reports metrics. Never blocks; errors, including an
 * unknown model, arrive through the returned stream's result.
 */
@ApplicationScoped
public class LlmClient {

  @Inject ProviderRegistry registry;
  @Inject LlmMetrics metrics;

  public LlmClient() {}

  LlmClient(ProviderRegistry registry, LlmMetrics metrics) {
    this.registry = registry;
    this.metrics = metrics;
  }

  public String defaultModel() {
    return directory().defaultModel();
  }

  /** Starts a streaming call; the listener hears every event, the result carries the cost. */
  public ChatStream stream(ChatRequest request, StreamListener listener) {
    LlmProvider provider;
    ModelInfo model;
    try {
      provider = directory().providerFor(request.model());
      model = directory().catalog().find(request.model()).orElseThrow();
    } catch (LlmException e) {
      listener.on(new StreamEvent.Failed(e));
      return FailedStream.of(e);
    }
    LlmMetrics.Call call = metrics.start(provider.name(), model.id());
    ChatStream stream = provider.stream(request, listener);
    return new PricedStream(stream, model.price(), call);
  }

  /** Transcribes audio with a model that can. */
  public CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    try {
      return directory().providerFor(request.model()).transcribe(request);
    } catch (LlmException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private ProviderDirectory directory() {
    return registry.directory();
  }
}
