package dev.sluice.llm.http;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamListener;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * What every server-sent-events adapter shares: one HTTP client per provider, the key check, and
 * starting a {@link StreamingCall}. A subclass says how its protocol writes a request and reads the
 * stream.
 */
public abstract class SseProvider implements LlmProvider {

  protected final ProviderSettings settings;
  protected final ProviderRuntime runtime;
  protected final HttpClient client;
  private final SecretRedactor redactor;

  protected SseProvider(ProviderSettings settings, ProviderRuntime runtime) {
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
  public final ChatStream stream(ChatRequest request, StreamListener listener) {
    StreamAccumulator accumulator =
        new StreamAccumulator(settings.name(), request, listener, runtime.nanoClock());
    HttpErrorClassifier classifier = classifier(request.model());
    if (!settings.usable()) {
      accumulator.fail(
          classifier.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, "no API key configured").build());
      return accumulator;
    }
    HttpRequest httpRequest;
    try {
      httpRequest = httpRequest(request);
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
            handler(accumulator, classifier),
            new StreamingCall.Timeouts(settings.firstTokenTimeout(), settings.idleTimeout()))
        .start();
  }

  /** The protocol's HTTP request for a chat call, with its headers and key. */
  protected abstract HttpRequest httpRequest(ChatRequest request);

  /** The protocol's reader of one stream's events. */
  protected abstract SseStreamHandler handler(
      StreamAccumulator accumulator, HttpErrorClassifier classifier);

  /** The request as a POST of a JSON body that asks for an event stream back. */
  protected static HttpRequest streamingPost(HttpRequest.Builder request, String json) {
    return request
        .header("content-type", "application/json")
        .header("accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  protected HttpErrorClassifier classifier(String model) {
    return new HttpErrorClassifier(settings.name(), model, runtime.clock(), redactor);
  }
}
