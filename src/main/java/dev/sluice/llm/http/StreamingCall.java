package dev.sluice.llm.http;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.StreamAccumulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One streaming HTTP exchange feeding a {@link StreamAccumulator}, shared by every SSE adapter. It
 * sends asynchronously, captures request id and rate limits from the headers, streams a 2xx body
 * into the wire handler and classifies anything else. Timeouts are scheduler tasks, so no thread
 * waits for headers or between chunks; every failure, timeout and cancel closes the connection.
 */
public final class StreamingCall {

  private final HttpClient client;
  private final HttpRequest request;
  private final StreamAccumulator accumulator;
  private final ProviderRuntime runtime;
  private final HttpErrorClassifier classifier;
  private final SseBodySubscriber body;
  private final Duration firstTokenTimeout;
  private final Duration idleTimeout;
  private final CompletableFuture<CompletableFuture<HttpResponse<byte[]>>> exchange =
      new CompletableFuture<>();
  private volatile DetachableTimer<StreamingCall> firstTokenTimer;
  private volatile DetachableTimer<StreamingCall> idleTimer;
  private volatile boolean headersSeen;
  private volatile HttpResponse.ResponseInfo errorResponse;

  /** Timeouts of one call: to the first text delta, and between two chunks after it. */
  public record Timeouts(Duration firstToken, Duration idle) {}

  public StreamingCall(
      HttpClient client,
      HttpRequest request,
      StreamAccumulator accumulator,
      ProviderRuntime runtime,
      HttpErrorClassifier classifier,
      SseStreamHandler handler,
      Timeouts timeouts) {
    this.client = client;
    this.request = request;
    this.accumulator = accumulator;
    this.runtime = runtime;
    this.classifier = classifier;
    this.body = new SseBodySubscriber(accumulator, handler, classifier);
    this.firstTokenTimeout = timeouts.firstToken();
    this.idleTimeout = timeouts.idle();
  }

  /** Sends the request and returns at once; the accumulator is the caller's handle. */
  public StreamAccumulator start() {
    accumulator.onCancel(this::abort);
    // Asynchronously: the accumulator completes while holding its lock, and aborting may call back.
    accumulator.result().whenCompleteAsync((ok, failure) -> ended(failure), runtime.executor());
    firstTokenTimer = schedule(StreamingCall::firstTokenDue, firstTokenTimeout.toNanos());
    if (accumulator.isDone()) {
      return accumulator;
    }
    CompletableFuture<HttpResponse<byte[]>> sent =
        client.sendAsync(request, new OneShotHandler(this));
    sent.whenComplete(this::exchangeDone);
    exchange.complete(sent);
    return accumulator;
  }

  /**
   * The body handler given to the HTTP client. The client may keep it with a pooled connection long
   * after this call ended, so it lets go of the call once used: otherwise an idle connection would
   * keep the last stream's listener and text reachable.
   */
  private static final class OneShotHandler implements HttpResponse.BodyHandler<byte[]> {
    private volatile StreamingCall call;

    OneShotHandler(StreamingCall call) {
      this.call = call;
    }

    @Override
    public BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      StreamingCall target = call;
      call = null;
      return target == null ? BodySubscribers.replacing(null) : target.subscriberFor(info);
    }
  }

  private BodySubscriber<byte[]> subscriberFor(HttpResponse.ResponseInfo info) {
    headersSeen = true;
    accumulator.requestId(HttpErrorClassifier.requestId(info.headers()));
    accumulator.rateLimits(RateLimitHeaders.parse(info.headers(), runtime.clock()));
    if (info.statusCode() / 100 != 2) {
      errorResponse = info;
      return new LimitedBodySubscriber(HttpErrorClassifier.MAX_ERROR_BODY);
    }
    idleTimer = schedule(StreamingCall::idleDue, idleTimeout.toNanos());
    return BodySubscribers.fromSubscriber(body, subscriber -> null);
  }

  private void exchangeDone(HttpResponse<byte[]> response, Throwable failure) {
    HttpResponse.ResponseInfo error = errorResponse;
    if (failure != null && error != null) {
      // The error body broke off: the status still says what went wrong.
      accumulator.fail(classifier.fromResponse(error.statusCode(), error.headers(), new byte[0]));
    } else if (failure != null) {
      accumulator.fail(classifier.fromTransport(failure, headersSeen));
    } else if (response.statusCode() / 100 != 2) {
      accumulator.fail(
          classifier.fromResponse(response.statusCode(), response.headers(), response.body()));
    }
  }

  private void firstTokenDue() {
    // Checked and failed under the accumulator's lock, so a token arriving now cannot slip between.
    synchronized (accumulator) {
      if (accumulator.hasText() || accumulator.isDone()) {
        return;
      }
      accumulator.fail(
          classifier
              .builder(
                  LlmErrorKind.FIRST_TOKEN_TIMEOUT,
                  "no first token within " + firstTokenTimeout.toMillis() + " ms")
              .providerRequestId(accumulator.requestId())
              .build());
    }
  }

  /** Reschedules itself for the rest of the idle period instead of on every chunk. */
  private void idleDue() {
    if (accumulator.isDone()) {
      return;
    }
    long limit = idleTimeout.toNanos();
    long silent = runtime.nanoClock().getAsLong() - accumulator.lastActivityNanos();
    if (!accumulator.hasText() || silent < limit) {
      long rest = accumulator.hasText() ? limit - silent : limit;
      idleTimer = schedule(StreamingCall::idleDue, rest);
      return;
    }
    accumulator.fail(
        classifier
            .builder(
                LlmErrorKind.IDLE_TIMEOUT, "nothing received for " + idleTimeout.toMillis() + " ms")
            .providerRequestId(accumulator.requestId())
            .build());
  }

  private void ended(Throwable failure) {
    cancelTimer(firstTokenTimer);
    cancelTimer(idleTimer);
    if (failure != null) {
      abort();
    }
  }

  /** Closes the upstream connection, whatever state the exchange is in. */
  private void abort() {
    body.cancel();
    // Since JDK 16 cancelling the future aborts an exchange still connecting or waiting for its
    // headers; the holder covers an abort that comes before sendAsync has returned the future.
    exchange.thenAccept(sent -> sent.cancel(true));
  }

  private DetachableTimer<StreamingCall> schedule(
      java.util.function.Consumer<StreamingCall> task, long delayNanos) {
    return DetachableTimer.schedule(runtime.scheduler(), this, task, delayNanos);
  }

  private static void cancelTimer(DetachableTimer<StreamingCall> timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
