package dev.sluice.llm.anthropic;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.SseProvider;
import dev.sluice.llm.http.SseStreamHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** An {@link LlmProvider} speaking Anthropic's Messages API with streaming. */
public final class AnthropicProvider extends SseProvider {

  static final URI DEFAULT_BASE = URI.create("https://api.anthropic.com/v1");
  static final String API_VERSION = "2023-06-01";

  public AnthropicProvider(ProviderSettings settings, ProviderRuntime runtime) {
    super(settings, runtime);
  }

  @Override
  protected HttpRequest httpRequest(ChatRequest request) {
    return messagesRequest(request);
  }

  @Override
  protected SseStreamHandler handler(
      StreamAccumulator accumulator, HttpErrorClassifier classifier) {
    return new AnthropicStreamHandler(accumulator, classifier);
  }

  HttpRequest messagesRequest(ChatRequest request) {
    String json = AnthropicRequestWriter.write(request, settings.defaultMaxOutputTokens());
    URI base = settings.baseUrl() != null ? settings.baseUrl() : DEFAULT_BASE;
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(HttpClients.endpoint(base, "/messages"))
            .header("anthropic-version", API_VERSION)
            .header("content-type", "application/json")
            .header("accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (settings.hasKey()) {
      builder.header("x-api-key", settings.apiKey());
    }
    settings.extraHeaders().forEach(builder::header);
    return builder.build();
  }
}
