package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamEvent;
import java.util.function.BiFunction;

/**
 * The contract a wire handler keeps whatever a provider streams, checked on fuzzed bodies: an event
 * either feeds the accumulator or throws an {@link LlmException} (the subscriber would turn
 * anything else into a "malformed event" and hide the bug), the stream ends exactly once, and the
 * text the listener heard is the answer's text, or the partial text of an interrupted stream.
 */
public final class HandlerFuzzing {

  private HandlerFuzzing() {}

  public static void check(
      BiFunction<StreamAccumulator, HttpErrorClassifier, SseStreamHandler> handlers,
      FuzzedDataProvider data) {
    int[] lengths = FuzzPieces.lengths(data);
    byte[] body = data.consumeRemainingAsBytes();

    HandlerReplay.Outcome outcome =
        HandlerReplay.replay(
            (accumulator, classifier) ->
                new Strict(handlers.apply(accumulator, classifier), accumulator, classifier),
            FuzzPieces.cut(body, lengths));

    long failures = outcome.events().stream().filter(StreamEvent.Failed.class::isInstance).count();
    if (outcome.error() == null) {
      assertThat(failures).isZero();
      assertThat(outcome.result().content()).isEqualTo(outcome.text());
    } else {
      assertThat(failures).isOne();
      assertThat(outcome.events()).last().isInstanceOf(StreamEvent.Failed.class);
      if (!outcome.text().isEmpty()) {
        assertThat(outcome.error().kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
        assertThat(outcome.error().partialContent()).isEqualTo(outcome.text());
      }
    }
  }

  /** Passes events on and fails the fuzz test on any exception but an {@link LlmException}. */
  private static final class Strict extends SseStreamHandler {
    private final SseStreamHandler handler;

    Strict(
        SseStreamHandler handler, StreamAccumulator accumulator, HttpErrorClassifier classifier) {
      super(accumulator, classifier);
      this.handler = handler;
    }

    @Override
    public void onEvent(SseEvent event) {
      try {
        handler.onEvent(event);
      } catch (LlmException expected) {
        throw expected;
      } catch (RuntimeException unexpected) {
        throw new AssertionError("the handler threw " + unexpected + " on " + event, unexpected);
      }
    }

    @Override
    public void onEnd(Throwable failure) {
      handler.onEnd(failure);
    }
  }
}
