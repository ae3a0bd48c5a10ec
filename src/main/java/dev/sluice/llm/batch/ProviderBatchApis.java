package dev.sluice.llm.batch;

import dev.sluice.llm.ProviderSettings;
import java.net.http.HttpClient;
import java.util.Optional;

/** Picks the batch API client of a configured provider. */
public final class ProviderBatchApis {

  private ProviderBatchApis() {}

  /**
   * The batch API of the provider, with the provider's limits; empty for a protocol without one
   * (the simulated provider). Servers that only imitate OpenAI's protocol (Ollama, vLLM) may lack
   * the Batch API even so; their first call then fails as an invalid request.
   *
   * @param client the provider's HTTP client (see {@link dev.sluice.llm.http.HttpClients})
   */
  public static Optional<ProviderBatchApi> forProvider(
      ProviderSettings settings, HttpClient client) {
    return forProvider(settings, client, Integer.MAX_VALUE);
  }

  /**
   * The same, its batches holding at most {@code maxRequests} requests even where the provider
   * allows more (smaller batches end, and are collected, sooner).
   */
  public static Optional<ProviderBatchApi> forProvider(
      ProviderSettings settings, HttpClient client, int maxRequests) {
    return switch (settings.type()) {
      case OPENAI ->
          Optional.of(new OpenAiBatchApi(settings, client, BatchLimits.OPENAI.capped(maxRequests)));
      case ANTHROPIC ->
          Optional.of(
              new AnthropicBatchApi(settings, client, BatchLimits.ANTHROPIC.capped(maxRequests)));
      case SIMULATED -> Optional.empty();
    };
  }
}
