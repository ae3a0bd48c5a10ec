package dev.sluice.llm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The one {@link ChatStream} implementation that every adapter feeds: it forwards events to the
 * listener, gathers the answer, measures time to first token and total time, and completes the
 * result exactly once. An adapter calls the feeding methods in stream order from its I/O thread;
 * {@link #cancel()} and timeouts may come from any thread, hence the lock.
 *
 * <p>Text that arrives in one network read ({@link #beginRead()} to {@link #endRead()}) reaches the
 * listener as one delta. An idle server reads one event at a time, so nothing changes there; a
 * server behind on its reads finds several events waiting in one read, and merging them saves a
 * chunk's whole way to the browser (event, replay entry, frame) per token it would otherwise pay
 * exactly when it has the least time for it.
 */
public final class StreamAccumulator implements ChatStream {

  private final String provider;
  private final ChatRequest request;
  private final StreamListener listener;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
  private final StringBuilder content = new StringBuilder();

  private volatile long lastActivityNanos;
  private long firstTokenNanos = -1;
  private Usage usage = Usage.NONE;
  private FinishReason finishReason;
  private String answeredModel;
  private String requestId;
  private RateLimitSnapshot rateLimits = RateLimitSnapshot.NONE;
  private Runnable canceller = () -> {};
  private boolean done;
  private boolean reading;
  private final StringBuilder unsent = new StringBuilder();

  public StreamAccumulator(
      String provider, ChatRequest request, StreamListener listener, LongSupplier nanoClock) {
    this.provider = provider;
    this.request = request;
    this.listener = listener;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastActivityNanos = startNanos;
  }

  public StreamAccumulator(String provider, ChatRequest request, StreamListener listener) {
    this(provider, request, listener, System::nanoTime);
  }

  public String provider() {
    return provider;
  }

  public ChatRequest request() {
    return request;
  }

  /** Registers how to abort the upstream call; run once, on {@link #cancel()}. */
  public synchronized void onCancel(Runnable action) {
    canceller = action;
  }

  public synchronized void requestId(String id) {
    if (id != null && !id.isBlank()) {
      requestId = id;
    }
  }

  public synchronized String requestId() {
    return requestId;
  }

  public synchronized void answeredBy(String model) {
    if (model != null && !model.isBlank()) {
      answeredModel = model;
    }
  }

  public synchronized void rateLimits(RateLimitSnapshot snapshot) {
    if (done || snapshot == null || snapshot.isEmpty()) {
      return;
    }
    rateLimits = snapshot;
    sendText();
    listener.on(new StreamEvent.RateLimitsObserved(snapshot));
  }

  public synchronized void delta(String text) {
    touch();
    if (done || text == null || text.isEmpty()) {
      return;
    }
    if (firstTokenNanos < 0) {
      firstTokenNanos = nanoClock.getAsLong();
    }
    content.append(text);
    if (reading) {
      unsent.append(text);
    } else {
      listener.on(new StreamEvent.TextDelta(text));
    }
  }

  /** A network read starts: its text is held until {@link #endRead()} (or another event). */
  public synchronized void beginRead() {
    reading = true;
  }

  /** The read is over: the text it brought goes to the listener as one delta. */
  public synchronized void endRead() {
    reading = false;
    if (!done) {
      sendText();
    }
  }

  /** Text held back goes before any other event, so the listener hears the stream's order. */
  private void sendText() {
    if (unsent.length() > 0) {
      String text = unsent.toString();
      unsent.setLength(0);
      listener.on(new StreamEvent.TextDelta(text));
    }
  }

  public synchronized void usage(Usage reported) {
    touch();
    if (done || reported == null) {
      return;
    }
    usage = usage.merge(reported);
    sendText();
    listener.on(new StreamEvent.UsageReported(usage));
  }

  public synchronized void finish(FinishReason reason) {
    touch();
    if (done || reason == null) {
      return;
    }
    finishReason = reason;
    sendText();
    listener.on(new StreamEvent.Finished(reason));
  }

  /** Records that bytes arrived (keeps the idle timeout from firing), even if no event did. */
  public void touch() {
    lastActivityNanos = nanoClock.getAsLong();
  }

  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  public synchronized boolean hasText() {
    return firstTokenNanos >= 0;
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** Ends the stream successfully. */
  public synchronized void complete() {
    if (done) {
      return;
    }
    sendText();
    estimateMissingUsage();
    done = true;
    long end = nanoClock.getAsLong();
    result.complete(
        new ChatResult(
            content.toString(),
            usage,
            finishReason == null ? FinishReason.STOP : finishReason,
            request.model(),
            answeredModel == null ? request.model() : answeredModel,
            provider,
            requestId,
            firstTokenNanos < 0 ? null : Duration.ofNanos(firstTokenNanos - startNanos),
            Duration.ofNanos(end - startNanos),
            null,
            rateLimits));
  }

  /**
   * Ends the stream with an error. Once text was delivered the error becomes {@link
   * LlmErrorKind#STREAM_INTERRUPTED} carrying the partial content, so nobody retries it blindly.
   */
  public synchronized void fail(LlmException error) {
    if (done) {
      return;
    }
    sendText();
    if (firstTokenNanos >= 0) {
      // The prompt was read and part of an answer written: the gate reconciles with that.
      estimateMissingUsage();
    }
    done = true;
    LlmException effective =
        firstTokenNanos >= 0 && error.kind() != LlmErrorKind.CANCELLED
            ? error.interrupted(content.toString())
            : error;
    listener.on(new StreamEvent.Failed(effective));
    result.completeExceptionally(effective);
  }

  /**
   * Some OpenAI-compatible servers ignore {@code stream_options.include_usage}, and a stream that
   * breaks off never gets to its usage: counts the provider left out are estimated with the
   * tokenizer the gate estimates with, so the answer is priced and the gate's token budget charged
   * for what was really sent and written, not refunded to zero.
   */
  private void estimateMissingUsage() {
    TokenCounter counter = TokenCounter.instance();
    Usage completed =
        usage.orEstimate(
            () -> counter.countPrompt(request), () -> counter.count(content.toString()));
    if (completed != usage) {
      usage = completed;
      listener.on(new StreamEvent.UsageReported(usage));
    }
  }

  /** The partial text so far. */
  public synchronized String contentSoFar() {
    return content.toString();
  }

  @Override
  public CompletionStage<ChatResult> result() {
    return result;
  }

  @Override
  public void cancel() {
    Runnable abort;
    synchronized (this) {
      if (done) {
        return;
      }
      abort = canceller;
      fail(
          LlmException.builder(LlmErrorKind.CANCELLED, "cancelled by the caller")
              .provider(provider)
              .model(request.model())
              .providerRequestId(requestId)
              .partialContent(content.toString())
              .build());
    }
    // Outside the lock: closing a connection may call back into this accumulator.
    abort.run();
  }
}
