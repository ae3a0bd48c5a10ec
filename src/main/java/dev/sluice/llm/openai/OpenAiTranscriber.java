package dev.sluice.llm.openai;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.http.LimitedBodySubscriber;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends audio to {@code /audio/transcriptions} as a multipart form and reads the JSON answer. Not
 * streamed; the whole call is bounded by the request timeout, enforced by a scheduler task.
 */
final class OpenAiTranscriber {

  private static final int MAX_ANSWER = 8 * 1024 * 1024;

  private final ProviderSettings settings;
  private final ProviderRuntime runtime;
  private final HttpClient client;
  private final Function<String, HttpErrorClassifier> classifiers;

  OpenAiTranscriber(
      ProviderSettings settings,
      ProviderRuntime runtime,
      HttpClient client,
      Function<String, HttpErrorClassifier> classifiers) {
    this.settings = settings;
    this.runtime = runtime;
    this.client = client;
    this.classifiers = classifiers;
  }

  CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    HttpErrorClassifier classifier = classifiers.apply(request.model());
    if (!settings.usable()) {
      return CompletableFuture.failedFuture(
          classifier.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, "no API key configured").build());
    }
    HttpRequest httpRequest;
    try {
      httpRequest = httpRequest(request);
    } catch (RuntimeException badSettings) {
      return CompletableFuture.failedFuture(
          classifier
              .builder(
                  LlmErrorKind.PROVIDER_UNAVAILABLE, "bad settings: " + badSettings.getMessage())
              .build());
    }
    return send(httpRequest, request, classifier);
  }

  private CompletableFuture<Transcription> send(
      HttpRequest httpRequest, TranscriptionRequest request, HttpErrorClassifier classifier) {
    long start = runtime.nanoClock().getAsLong();
    CompletableFuture<Transcription> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> sent =
        client.sendAsync(
            httpRequest,
            info ->
                new LimitedBodySubscriber(
                    info.statusCode() / 100 == 2
                        ? MAX_ANSWER
                        : HttpErrorClassifier.MAX_ERROR_BODY));
    ScheduledFuture<?> timer = guard(result, sent, classifier);
    sent.whenComplete(
        (response, failure) -> {
          timer.cancel(false);
          if (failure != null) {
            result.completeExceptionally(classifier.fromTransport(failure, false));
          } else {
            answer(response, request, classifier, start, result);
          }
        });
    return result;
  }

  HttpRequest httpRequest(TranscriptionRequest request) {
    MultipartForm form =
        new MultipartForm()
            .field("model", request.model())
            .file("file", request.fileName(), request.mediaType(), request.audio());
    if (request.language() != null && !request.language().isBlank()) {
      form.field("language", request.language());
    }
    form.field("response_format", "json");
    return OpenAiProvider.request(settings, "/audio/transcriptions")
        .header("Content-Type", form.contentType())
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
        .build();
  }

  private ScheduledFuture<?> guard(
      CompletableFuture<Transcription> result,
      CompletableFuture<HttpResponse<byte[]>> sent,
      HttpErrorClassifier classifier) {
    Duration limit = settings.requestTimeout();
    LlmException timeout =
        classifier
            .builder(
                LlmErrorKind.FIRST_TOKEN_TIMEOUT,
                "no transcription within " + limit.toMillis() + " ms")
            .build();
    Runnable expire =
        () -> {
          if (result.completeExceptionally(timeout)) {
            sent.cancel(true);
          }
        };
    return runtime.scheduler().schedule(expire, limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void answer(
      HttpResponse<byte[]> response,
      TranscriptionRequest request,
      HttpErrorClassifier classifier,
      long start,
      CompletableFuture<Transcription> result) {
    if (response.statusCode() / 100 != 2) {
      result.completeExceptionally(
          classifier.fromResponse(response.statusCode(), response.headers(), response.body()));
      return;
    }
    try {
      String text =
          JsonSupport.parseObject(new String(response.body(), StandardCharsets.UTF_8))
              .getString("text");
      Duration took = Duration.ofNanos(runtime.nanoClock().getAsLong() - start);
      String requestId = HttpErrorClassifier.requestId(response.headers());
      result.complete(
          new Transcription(text, request.model(), settings.name(), requestId, took, null));
    } catch (RuntimeException malformed) {
      result.completeExceptionally(classifier.malformedEvent(malformed));
    }
  }
}
