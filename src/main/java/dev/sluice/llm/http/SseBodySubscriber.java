package dev.sluice.llm.http;

import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamAccumulator;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes a streamed response body: bytes through a {@link Utf8StreamDecoder} and an {@link
 * SseParser} into a wire-specific {@link SseStreamHandler}. It asks for one buffer list at a time,
 * so a slow listener slows the socket instead of filling memory. {@link #cancel()} cancels the
 * subscription, which closes the connection and makes the provider stop generating.
 */
public final class SseBodySubscriber implements Flow.Subscriber<List<ByteBuffer>> {

  private static final Flow.Subscription CANCELLED =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  private final StreamAccumulator accumulator;
  private final SseStreamHandler handler;
  private final HttpErrorClassifier classifier;
  private final Utf8StreamDecoder decoder = new Utf8StreamDecoder();
  private final SseParser parser;
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

  public SseBodySubscriber(
      StreamAccumulator accumulator, SseStreamHandler handler, HttpErrorClassifier classifier) {
    this.accumulator = accumulator;
    this.handler = handler;
    this.classifier = classifier;
    this.parser = new SseParser(handler::onEvent);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s)) {
      // Already cancelled (or subscribed twice): nobody will read this body.
      s.cancel();
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    accumulator.touch();
    try {
      for (ByteBuffer item : items) {
        parser.feed(decoder.decode(item));
      }
    } catch (LlmException failure) {
      stop(failure);
      return;
    } catch (RuntimeException broken) {
      stop(classifier.malformedEvent(broken));
      return;
    }
    if (failed()) {
      cancel();
    } else {
      Flow.Subscription s = subscription.get();
      if (s != null) {
        // After the end marker the rest is still read, so the connection can be reused.
        s.request(1);
      }
    }
  }

  @Override
  public void onError(Throwable failure) {
    handler.onEnd(failure);
  }

  @Override
  public void onComplete() {
    try {
      parser.feed(decoder.finish());
      parser.finish();
      handler.onEnd(null);
    } catch (LlmException failure) {
      accumulator.fail(failure);
    } catch (RuntimeException broken) {
      accumulator.fail(classifier.malformedEvent(broken));
    }
  }

  /** Stops reading and closes the connection; safe from any thread, before or after subscribing. */
  public void cancel() {
    Flow.Subscription previous = subscription.getAndSet(CANCELLED);
    if (previous != null) {
      previous.cancel();
    }
  }

  private void stop(LlmException failure) {
    accumulator.fail(failure);
    cancel();
  }

  private boolean failed() {
    return accumulator.result().toCompletableFuture().isCompletedExceptionally();
  }
}
