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
    return streamingPost(
        request(settings, "/messages"),
        AnthropicRequestWriter.write(request, settings.defaultMaxOutputTokens()));
  }

  /**
   * A request to {@code path} under the base URL (Anthropic's public one when none is configured)
   * with the API version, the key and the extra headers: what every call of this protocol starts
   * from (messages and message batches).
   */
  public static HttpRequest.Builder request(ProviderSettings settings, String path) {
    return request(settings, HttpClients.endpoint(base(settings), path));
  }

  /** A request to a full URL of the API (a batch's results URL), as {@link #request} makes it. */
  public static HttpRequest.Builder request(ProviderSettings settings, URI url) {
    return HttpClients.authorized(url, settings, "x-api-key", "")
        .header("anthropic-version", API_VERSION);
  }

  /** The configured base URL, or Anthropic's public one. */
  public static URI base(ProviderSettings settings) {
    return settings.baseUrl() != null ? settings.baseUrl() : DEFAULT_BASE;
  }
}
