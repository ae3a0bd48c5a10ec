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

  private final HttpErrorClassifier classifier;
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  // Dropped when the body ends: the HTTP client's pooled connection may keep this subscriber until
  // the connection is reused, and it must not keep the stream's handler, listener and text with it.
  private volatile Reading reading;

  /** What reading a body needs; let go of as soon as the body is over. */
  private record Reading(
      StreamAccumulator accumulator,
      Utf8StreamDecoder decoder,
      SseParser parser,
      SseStreamHandler handler) {}

  public SseBodySubscriber(
      StreamAccumulator accumulator, SseStreamHandler handler, HttpErrorClassifier classifier) {
    this.classifier = classifier;
    this.reading =
        new Reading(accumulator, new Utf8StreamDecoder(), new SseParser(handler::onEvent), handler);
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
    Reading r = reading;
    if (r == null) {
      return;
    }
    r.accumulator().touch();
    // The events of one read share one delta (see StreamAccumulator).
    r.accumulator().beginRead();
    try {
      for (ByteBuffer item : items) {
        r.parser().feed(r.decoder().decode(item));
      }
    } catch (LlmException failure) {
      stop(r.accumulator(), failure);
      return;
    } catch (RuntimeException broken) {
      stop(r.accumulator(), classifier.malformedEvent(broken));
      return;
    } finally {
      r.accumulator().endRead();
    }
    if (r.accumulator().result().toCompletableFuture().isCompletedExceptionally()) {
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
    Reading r = reading;
    reading = null;
    if (r != null) {
      r.handler().onEnd(failure);
    }
  }

  @Override
  public void onComplete() {
    Reading r = reading;
    reading = null;
    if (r == null) {
      return;
    }
    try {
      r.parser().feed(r.decoder().finish());
      r.parser().finish();
      r.handler().onEnd(null);
    } catch (LlmException failure) {
      r.accumulator().fail(failure);
    } catch (RuntimeException broken) {
      r.accumulator().fail(classifier.malformedEvent(broken));
    }
  }

  /** Stops reading and closes the connection; safe from any thread, before or after subscribing. */
  public void cancel() {
    reading = null;
    Flow.Subscription previous = subscription.getAndSet(CANCELLED);
    if (previous != null) {
      previous.cancel();
    }
  }

  private void stop(StreamAccumulator accumulator, LlmException failure) {
    accumulator.fail(failure);
    cancel();
  }
}
