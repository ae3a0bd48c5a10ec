package dev.sluice.llm.http;

import dev.sluice.llm.StreamAccumulator;

/**
 * The wire-specific half of a streaming call: turns each Server-Sent Event of one protocol into
 * accumulator calls, and decides what the end of the body means. Called in stream order from one
 * thread at a time.
 */
public abstract class SseStreamHandler {

  protected final StreamAccumulator accumulator;
  protected final HttpErrorClassifier classifier;

  protected SseStreamHandler(StreamAccumulator accumulator, HttpErrorClassifier classifier) {
    this.accumulator = accumulator;
    this.classifier = classifier;
  }

  /**
   * Handles one event; completes the accumulator at the protocol's end marker.
   *
   * @throws dev.sluice.llm.LlmException for an error event, which fails the stream
   */
  public abstract void onEvent(SseEvent event);

  /**
   * Whether a body that ends here, without the end marker, still carries a whole answer (some
   * OpenAI-compatible servers omit it).
   */
  protected boolean answerComplete() {
    return false;
  }

  /**
   * The body ended: cleanly when {@code failure} is null, else broken off. Unless the end marker
   * was seen or the answer is whole anyway, this fails the stream as ended early.
   */
  public void onEnd(Throwable failure) {
    if (accumulator.isDone()) {
      return;
    }
    if (failure == null && answerComplete()) {
      accumulator.complete();
    } else if (failure == null) {
      accumulator.fail(classifier.streamEndedEarly());
    } else {
      accumulator.fail(classifier.fromTransport(failure, true));
    }
  }
}
