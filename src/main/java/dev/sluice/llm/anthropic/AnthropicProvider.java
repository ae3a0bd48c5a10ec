package dev.sluice.llm.anthropic;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.SecretRedactor;
import dev.sluice.llm.http.StreamingCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** An {@link LlmProvider} speaking Anthropic's Messages API with streaming. */
public final class AnthropicProvider implements LlmProvider {

  static final URI DEFAULT_BASE = URI.create("https://api.anthropic.com/v1");
  static final String API_VERSION = "2023-06-01";

  private final ProviderSettings settings;
  private final ProviderRuntime runtime;
  private final HttpClient client;
  private final SecretRedactor redactor;

  public AnthropicProvider(ProviderSettings settings, ProviderRuntime runtime) {
    this.settings = settings;
    this.runtime = runtime;
    this.client = HttpClients.forProvider(settings, runtime);
    this.redactor = SecretRedactor.of(settings.apiKey());
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChatStream stream(ChatRequest request, StreamListener listener) {
    StreamAccumulator accumulator =
        new StreamAccumulator(settings.name(), request, listener, runtime.nanoClock());
    HttpErrorClassifier classifier =
        new HttpErrorClassifier(settings.name(), request.model(), runtime.clock(), redactor);
    if (!settings.usable()) {
      accumulator.fail(
          classifier.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, "no API key configured").build());
      return accumulator;
    }
    HttpRequest httpRequest;
    try {
      httpRequest = messagesRequest(request);
    } catch (RuntimeException badSettings) {
      accumulator.fail(
          classifier
              .builder(
                  LlmErrorKind.PROVIDER_UNAVAILABLE, "bad settings: " + badSettings.getMessage())
              .build());
      return accumulator;
    }
    return new StreamingCall(
            client,
            httpRequest,
            accumulator,
            runtime,
            classifier,
            new AnthropicStreamHandler(accumulator, classifier),
            new StreamingCall.Timeouts(settings.firstTokenTimeout(), settings.idleTimeout()))
        .start();
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
