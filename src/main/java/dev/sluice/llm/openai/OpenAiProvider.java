package dev.sluice.llm.openai;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.SecretRedactor;
import dev.sluice.llm.http.StreamingCall;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * An {@link LlmProvider} speaking OpenAI's Chat Completions protocol with streaming, over one
 * shared non-blocking {@link HttpClient}; audio goes to the transcriptions endpoint.
 */
public final class OpenAiProvider implements LlmProvider {

  private final ProviderSettings settings;
  private final ProviderRuntime runtime;
  private final HttpClient client;
  private final SecretRedactor redactor;
  private final OpenAiTranscriber transcriber;

  public OpenAiProvider(ProviderSettings settings, ProviderRuntime runtime) {
    this.settings = settings;
    this.runtime = runtime;
    this.client = HttpClients.forProvider(settings, runtime);
    this.redactor = SecretRedactor.of(settings.apiKey());
    this.transcriber = new OpenAiTranscriber(settings, runtime, client, this::classifier);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChatStream stream(ChatRequest request, StreamListener listener) {
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
      httpRequest = chatRequest(request);
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
            new OpenAiStreamHandler(accumulator, classifier),
            new StreamingCall.Timeouts(settings.firstTokenTimeout(), settings.idleTimeout()))
        .start();
  }

  @Override
  public CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    return transcriber.transcribe(request);
  }

  HttpRequest chatRequest(ChatRequest request) {
    String json = OpenAiRequestWriter.write(request);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(HttpClients.endpoint(settings.baseUrl(), "/chat/completions"))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return authorize(builder, settings).build();
  }

  /** Adds the key (only when one is set, for keyless local servers) and the extra headers. */
  static HttpRequest.Builder authorize(HttpRequest.Builder builder, ProviderSettings settings) {
    if (settings.hasKey()) {
      builder.header("Authorization", "Bearer " + settings.apiKey());
    }
    settings.extraHeaders().forEach(builder::header);
    return builder;
  }

  private HttpErrorClassifier classifier(String model) {
    return new HttpErrorClassifier(settings.name(), model, runtime.clock(), redactor);
  }
}
