package dev.sluice.llm.batch;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.http.ErrorBody;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.http.LimitedBodySubscriber;
import dev.sluice.llm.http.SecretRedactor;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The HTTP both batch clients share: JSON calls bounded by the request timeout, results downloads
 * read line by line, and every failure classified with the key redacted.
 */
final class BatchHttp {

  /** Batch and file objects are small; a larger answer is cut, and then fails to parse. */
  private static final int MAX_ANSWER = 1024 * 1024;

  private static final int MAX_REASON = 500;

  private final ProviderSettings settings;
  private final HttpClient client;
  private final SecretRedactor redactor;
  private final HttpErrorClassifier classifier;

  BatchHttp(ProviderSettings settings, HttpClient client, Clock clock) {
    this.settings = settings;
    this.client = client;
    this.redactor = SecretRedactor.of(settings.apiKey());
    this.classifier = new HttpErrorClassifier(settings.name(), null, clock, redactor);
  }

  /**
   * Sends a request and reads its JSON answer with {@code reader}; an answer the reader cannot
   * understand (it throws) fails as a malformed answer.
   */
  <T> CompletableFuture<T> json(HttpRequest.Builder request, Function<JsonObject, T> reader) {
    CompletableFuture<T> unusable = unusable();
    if (unusable != null) {
      return unusable;
    }
    HttpRequest built =
        request.timeout(settings.requestTimeout()).header("accept", "application/json").build();
    return client
        .sendAsync(
            built,
            info ->
                new LimitedBodySubscriber(
                    info.statusCode() / 100 == 2 ? MAX_ANSWER : HttpErrorClassifier.MAX_ERROR_BODY))
        .handle(
            (response, failure) -> {
              checked(response, failure, false);
              try {
                return reader.apply(
                    JsonSupport.parseObject(new String(response.body(), StandardCharsets.UTF_8)));
              } catch (RuntimeException malformed) {
                throw classifier.malformedEvent(malformed);
              }
            });
  }

  /**
   * Downloads a JSON Lines body and hands each non-blank line, read by {@code reader}, to {@code
   * each}, one at a time, asking for the next line only when {@code each} has returned: memory
   * holds a network chunk and a line, never the body. A line the reader cannot understand fails the
   * download as malformed; what {@code each} throws fails it as it is.
   */
  <T> CompletableFuture<Void> lines(
      HttpRequest.Builder request, Function<JsonObject, T> reader, Consumer<T> each) {
    CompletableFuture<Void> unusable = unusable();
    if (unusable != null) {
      return unusable;
    }
    LineSink sink = new LineSink(line -> each.accept(read(line, reader)));
    HttpRequest built = request.timeout(settings.requestTimeout()).GET().build();
    CompletableFuture<HttpResponse<byte[]>> sent =
        client.sendAsync(
            built,
            info -> {
              if (info.statusCode() / 100 != 2) {
                return new LimitedBodySubscriber(HttpErrorClassifier.MAX_ERROR_BODY);
              }
              sink.started = true;
              return BodySubscribers.fromLineSubscriber(
                  sink, s -> (byte[]) null, StandardCharsets.UTF_8, null);
            });
    sent.whenComplete(
        (response, failure) -> {
          try {
            checked(response, failure, sink.started);
            sink.done.complete(null);
          } catch (RuntimeException classified) {
            sink.done.completeExceptionally(classified);
          }
        });
    // A failed line or consumer stops the download: the connection is closed, not read to its end.
    sink.done.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            sent.cancel(true);
          }
        });
    return sink.done;
  }

  /**
   * Downloads a body to {@code file} as it arrives, appending when {@code append}, else replacing
   * what the file held: for results too large to hold in memory. A failure leaves the file as far
   * as it got; the caller downloads again.
   */
  CompletableFuture<Void> download(HttpRequest.Builder request, Path file, boolean append) {
    CompletableFuture<Void> unusable = unusable();
    if (unusable != null) {
      return unusable;
    }
    OpenOption[] options =
        append
            ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
            : new OpenOption[] {
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING
            };
    HttpRequest built = request.timeout(settings.requestTimeout()).GET().build();
    return client
        .sendAsync(
            built,
            info ->
                info.statusCode() / 100 == 2
                    ? BodySubscribers.mapping(
                        BodySubscribers.ofFile(file, options), written -> (byte[]) null)
                    : new LimitedBodySubscriber(HttpErrorClassifier.MAX_ERROR_BODY))
        .handle(
            (response, failure) -> {
              checked(response, failure, true);
              return null;
            });
  }

  /**
   * Throws the classified failure of an exchange that failed in transport or answered with an error
   * status; returns for a 2xx answer.
   *
   * @param started whether the body had begun to arrive (a transport failure then is not retried as
   *     a connection failure)
   */
  private void checked(HttpResponse<byte[]> response, Throwable failure, boolean started) {
    if (failure != null) {
      throw classifier.fromTransport(failure, started);
    }
    if (response.statusCode() / 100 != 2) {
      throw classifier.fromResponse(response.statusCode(), response.headers(), response.body());
    }
  }

  /** A line of a provider's results, read by {@code reader}; malformed if it cannot read it. */
  <T> T read(String line, Function<JsonObject, T> reader) {
    try {
      return reader.apply(JsonSupport.parseObject(line));
    } catch (RuntimeException malformed) {
      throw classifier.malformedEvent(malformed);
    }
  }

  /**
   * Closes a request file before it is sent, so what it holds is on disk.
   *
   * @throws IllegalArgumentException when it holds no request
   */
  static void closeForSending(BatchFile file) throws IOException {
    file.close();
    if (file.count() == 0) {
      throw new IllegalArgumentException("a batch needs at least one request");
    }
  }

  /**
   * Why a request of a batch failed, from its error body, prefixed with {@code what}: safe to show,
   * the key redacted, bounded in length.
   */
  String reason(String what, JsonObject errorBody) {
    ErrorBody error = errorBody == null ? null : ErrorBody.of(errorBody);
    String said = null;
    if (error != null && error.message() != null) {
      said = error.type() != null ? error.type() + ": " + error.message() : error.message();
    } else if (error != null) {
      said = error.type() != null ? error.type() : error.code();
    }
    String reason = redactor.redact(said == null ? what : what + ": " + said);
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
  }

  /** Refuses a snapshot of another provider or, for results, one that has not ended. */
  static void check(ProviderBatch batch, ProviderType type, boolean ended) {
    if (batch.type() != type) {
      throw new IllegalArgumentException(
          "batch " + batch.id() + " is at a provider of type " + batch.type() + ", not " + type);
    }
    if (ended && !batch.status().ended()) {
      throw new IllegalArgumentException(
          "batch " + batch.id() + " has not ended (" + batch.status() + "); poll its status first");
    }
  }

  /** A string member a provider's answer must have; its absence makes the answer malformed. */
  static String required(JsonObject json, String key) {
    String value = JsonSupport.string(json, key);
    if (value == null) {
      throw new IllegalArgumentException("no '" + key + "' in the answer");
    }
    return value;
  }

  private <T> CompletableFuture<T> unusable() {
    if (settings.usable()) {
      return null;
    }
    return CompletableFuture.failedFuture(
        classifier.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, "no API key configured").build());
  }

  /** Takes lines one at a time, the next asked for only once the last was handled. */
  private static final class LineSink implements Flow.Subscriber<String> {

    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile boolean started;
    private final Consumer<String> each;
    private Flow.Subscription subscription;

    LineSink(Consumer<String> each) {
      this.each = each;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(String line) {
      if (done.isDone()) {
        return;
      }
      if (!line.isBlank()) {
        try {
          each.accept(line);
        } catch (RuntimeException failure) {
          done.completeExceptionally(failure);
          subscription.cancel();
          return;
        }
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      // Reported, classified, by the exchange's completion.
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
