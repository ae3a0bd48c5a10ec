package dev.sluice.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<StreamEvent> events = new ArrayList<>();
  private final StreamAccumulator stream =
      new StreamAccumulator(
          "sim",
          ChatRequest.of("sim-large", List.of(ChatMessage.user("hi"))),
          events::add,
          nanos::get);

  @Test
  void gathersTheAnswerAndMeasuresTimes() {
    nanos.addAndGet(Duration.ofMillis(150).toNanos());
    stream.delta("Hel");
    nanos.addAndGet(Duration.ofMillis(50).toNanos());
    stream.delta("lo");
    stream.usage(new Usage(10, 0, 0));
    stream.usage(new Usage(0, 2, 0));
    stream.finish(FinishReason.LENGTH);
    stream.answeredBy("sim-large-2026");
    stream.requestId("req-1");
    stream.complete();

    ChatResult result = stream.result().toCompletableFuture().join();
    assertThat(result.content()).isEqualTo("Hello");
    assertThat(result.usage()).isEqualTo(new Usage(10, 2, 0));
    assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(result.answeredModel()).isEqualTo("sim-large-2026");
    assertThat(result.requestedModel()).isEqualTo("sim-large");
    assertThat(result.providerRequestId()).isEqualTo("req-1");
    assertThat(result.timeToFirstToken()).isEqualTo(Duration.ofMillis(150));
    assertThat(result.totalTime()).isEqualTo(Duration.ofMillis(200));
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("TextDelta", "TextDelta", "UsageReported", "UsageReported", "Finished");
  }

  @Test
  void textOfOneReadReachesTheListenerAsOneDelta() {
    stream.beginRead();
    stream.delta("Hel");
    stream.delta("lo");
    nanos.addAndGet(Duration.ofMillis(5).toNanos());
    stream.delta(",");
    assertThat(events).isEmpty();
    stream.endRead();
    stream.delta(" you");

    assertThat(events)
        .containsExactly(new StreamEvent.TextDelta("Hello,"), new StreamEvent.TextDelta(" you"));
    stream.complete();
    ChatResult result = stream.result().toCompletableFuture().join();
    // The first token is timed when it arrived, not when its read ended.
    assertThat(result.timeToFirstToken()).isEqualTo(Duration.ZERO);
    assertThat(result.content()).isEqualTo("Hello, you");
  }

  @Test
  void heldTextGoesBeforeAnyOtherEventOfTheSameRead() {
    stream.beginRead();
    stream.delta("Hi");
    stream.usage(new Usage(3, 1, 0));
    stream.delta("!");
    stream.finish(FinishReason.STOP);
    stream.endRead();

    assertThat(events)
        .containsExactly(
            new StreamEvent.TextDelta("Hi"),
            new StreamEvent.UsageReported(new Usage(3, 1, 0)),
            new StreamEvent.TextDelta("!"),
            new StreamEvent.Finished(FinishReason.STOP));
  }

  @Test
  void aStreamEndedWithinAReadStillDeliversItsText() {
    stream.beginRead();
    stream.delta("partial");
    stream.fail(error(LlmErrorKind.SERVER_ERROR));
    stream.endRead();

    assertThat(events.get(0)).isEqualTo(new StreamEvent.TextDelta("partial"));
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Failed.class);
    assertThat(events).filteredOn(StreamEvent.TextDelta.class::isInstance).hasSize(1);
  }

  @Test
  void aFailureBeforeTheFirstTokenKeepsItsKind() {
    stream.fail(error(LlmErrorKind.RATE_LIMITED));

    assertThatThrownBy(() -> stream.result().toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .satisfies(e -> assertThat(((LlmException) e).kind()).isEqualTo(LlmErrorKind.RATE_LIMITED));
  }

  @Test
  void aFailureAfterTextBecomesAnInterruptedStreamWithThePartialContent() {
    stream.delta("partial ");
    stream.delta("answer");
    stream.fail(error(LlmErrorKind.SERVER_ERROR));

    LlmException e = failure();
    assertThat(e.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.partialContent()).isEqualTo("partial answer");
    assertThat(e.interruptedBy()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Failed.class);
  }

  @Test
  void cancelAbortsUpstreamOnceAndEndsAsCancelled() {
    AtomicInteger aborts = new AtomicInteger();
    stream.onCancel(aborts::incrementAndGet);
    stream.delta("so far");

    stream.cancel();
    stream.cancel();
    stream.delta("late");

    assertThat(aborts).hasValue(1);
    LlmException e = failure();
    assertThat(e.kind()).isEqualTo(LlmErrorKind.CANCELLED);
    assertThat(e.partialContent()).isEqualTo("so far");
  }

  @Test
  void nothingHappensAfterTheEnd() {
    stream.usage(new Usage(3, 0, 0));
    stream.complete();
    events.clear();
    stream.fail(error(LlmErrorKind.SERVER_ERROR));
    stream.delta("late");

    assertThat(stream.result().toCompletableFuture().join().content()).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void anAnswerWithoutUsageIsEstimatedFromThePromptAndTheText() {
    stream.delta("Hello there");
    stream.finish(FinishReason.STOP);
    stream.complete();

    TokenCounter counter = TokenCounter.instance();
    Usage estimate =
        new Usage(
            counter.countPrompt(ChatRequest.of("sim-large", List.of(ChatMessage.user("hi")))),
            counter.count("Hello there"),
            0,
            true);
    assertThat(stream.result().toCompletableFuture().join().usage()).isEqualTo(estimate);
    assertThat(events).contains(new StreamEvent.UsageReported(estimate));
  }

  @Test
  void aStreamBrokenOffAfterTextReportsAnEstimateBeforeItsFailure() {
    stream.delta("partial");
    stream.fail(error(LlmErrorKind.SERVER_ERROR));

    assertThat(events.get(events.size() - 2))
        .isInstanceOfSatisfying(
            StreamEvent.UsageReported.class,
            u -> {
              assertThat(u.usage().estimated()).isTrue();
              assertThat(u.usage().outputTokens())
                  .isEqualTo(TokenCounter.instance().count("partial"));
            });
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Failed.class);
  }

  @Test
  void aFailureBeforeAnyTextCostsNothing() {
    stream.fail(error(LlmErrorKind.RATE_LIMITED));

    assertThat(events).noneMatch(StreamEvent.UsageReported.class::isInstance);
  }

  private LlmException failure() {
    try {
      stream.result().toCompletableFuture().join();
      throw new AssertionError("expected a failure");
    } catch (CompletionException e) {
      return (LlmException) e.getCause();
    }
  }

  private static LlmException error(LlmErrorKind kind) {
    return LlmException.builder(kind, "boom").provider("sim").build();
  }
}
