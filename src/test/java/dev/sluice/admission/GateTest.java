package dev.sluice.admission;

import static dev.sluice.admission.GateFixture.GPT;
import static dev.sluice.admission.GateFixture.HAIKU;
import static dev.sluice.admission.GateFixture.MINI;
import static dev.sluice.admission.GateFixture.answer;
import static dev.sluice.admission.GateFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.admission.Attempt.Outcome;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.RateLimitSnapshot;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GateTest {

  private final GateFixture f = new GateFixture();

  @AfterEach
  void everyPermitReleasedExactlyOnce() {
    f.assertEveryPermitReleasedOnce();
  }

  @Test
  void answersFirstTimeWithOneAttemptAndReconcilesTheTokens() {
    f.upstream.answers("hi!", new Usage(20, 5, 0));
    GatedStream stream = f.call(GPT);

    ChatResult result = answer(stream);
    assertThat(result.content()).isEqualTo("hi!");
    assertThat(stream.attempts())
        .extracting(Attempt::model, Attempt::provider, Attempt::lane, Attempt::outcome)
        .containsExactly(tuple(GPT, "openai", "openai", Outcome.ADMITTED_COMPLETED));
    assertThat(f.lane(GPT).releasedTokens()).containsExactly(25L);
    long prompt =
        TokenCounter.instance()
            .countPrompt(ChatRequest.of(GPT, List.of(ChatMessage.user("hello there"))));
    assertThat(f.lane(GPT).requests.get(0).estimatedTokens()).isEqualTo(prompt + 1024);
    assertThat(f.events).contains(new StreamEvent.TextDelta("hi!"));
  }

  @Test
  void anAnswerWithoutUsageIsReconciledWithItsEstimateNotRefunded() {
    f.upstream.opens();
    GatedStream stream = f.call(GPT);
    f.upstream.calls.get(0).stream().delta("hi!");
    f.upstream.calls.get(0).stream().complete();

    ChatResult result = answer(stream);
    long prompt =
        TokenCounter.instance()
            .countPrompt(ChatRequest.of(GPT, List.of(ChatMessage.user("hello there"))));
    long output = TokenCounter.instance().count("hi!");
    assertThat(result.usage()).isEqualTo(new Usage(prompt, output, 0, true));
    assertThat(f.lane(GPT).releasedTokens()).containsExactly(prompt + output);
  }

  @Test
  void aRateLimitPausesTheLaneAndTheRetryWaitsForItsNotBefore() {
    Instant notBefore = f.time.now().plusSeconds(20);
    f.upstream.fails(LlmErrorKind.RATE_LIMITED, notBefore).answers("ok", new Usage(1, 1, 0));
    GatedStream stream = f.call(GPT);

    assertThat(f.lane(GPT).pauses).containsExactly(notBefore);
    f.time.advance(Duration.ofMillis(19_999));
    assertThat(f.upstream.calls).hasSize(1);
    assertThat(stream.result().toCompletableFuture()).isNotDone();
    f.time.advance(Duration.ofMillis(1));
    assertThat(f.upstream.calls).hasSize(2);
    assertThat(f.upstream.calls.get(1).atNanos()).isEqualTo(Duration.ofSeconds(20).toNanos());
    assertThat(answer(stream).content()).isEqualTo("ok");
    assertThat(stream.attempts())
        .extracting(Attempt::outcome, Attempt::errorKind, Attempt::backoff)
        .containsExactly(
            tuple(Outcome.FAILED, LlmErrorKind.RATE_LIMITED, Duration.ZERO),
            tuple(Outcome.ADMITTED_COMPLETED, null, Duration.ofSeconds(20)));
    assertThat(f.lane(GPT).permitsIssued()).isEqualTo(2);
  }

  @Test
  void serverErrorsAreRetriedUpToMaxAttemptsThenTheFallbackAnswers() {
    f.upstream
        .fails(LlmErrorKind.SERVER_ERROR)
        .fails(LlmErrorKind.OVERLOADED)
        .fails(LlmErrorKind.SERVER_ERROR)
        .answers("from mini", new Usage(3, 3, 0));
    GatedStream stream = f.call(GPT);
    f.time.advance(Duration.ofSeconds(1));
    assertThat(f.upstream.calls).hasSize(2);
    f.time.advance(Duration.ofSeconds(2));

    ChatResult result = answer(stream);
    assertThat(result.requestedModel()).isEqualTo(GPT);
    assertThat(result.answeredModel()).isEqualTo(MINI);
    assertThat(f.upstream.models()).containsExactly(GPT, GPT, GPT, MINI);
    assertThat(f.upstream.calls)
        .extracting(ScriptedUpstream.Call::atNanos)
        .containsExactly(0L, 1_000_000_000L, 3_000_000_000L, 3_000_000_000L);
    assertThat(stream.attempts())
        .extracting(Attempt::model, Attempt::outcome, Attempt::backoff)
        .containsExactly(
            tuple(GPT, Outcome.FAILED, Duration.ZERO),
            tuple(GPT, Outcome.FAILED, Duration.ofSeconds(1)),
            tuple(GPT, Outcome.FAILED, Duration.ofSeconds(2)),
            tuple(MINI, Outcome.ADMITTED_COMPLETED, Duration.ZERO));
  }

  @Test
  void anOpenBreakerMovesToTheFallbackAtOnceWithoutCallingUpstream() {
    f.breakers.forceOpen("openai");
    f.upstream.answers("mini here", new Usage(1, 1, 0));
    GatedStream stream = f.call(GPT);

    assertThat(answer(stream).answeredModel()).isEqualTo(MINI);
    assertThat(f.upstream.models()).containsExactly(MINI);
    assertThat(f.lane(GPT).requests).isEmpty();
    assertThat(stream.attempts())
        .extracting(Attempt::outcome)
        .containsExactly(Outcome.REJECTED_BY_BREAKER, Outcome.ADMITTED_COMPLETED);
  }

  @Test
  void aStreamInterruptedAfterTheFirstTokenIsNotRetried() {
    f.upstream.opens();
    GatedStream stream = f.call(GPT);
    f.upstream.calls.get(0).stream().delta("par");
    f.upstream.calls.get(0).stream().fail(ScriptedUpstream.error(LlmErrorKind.SERVER_ERROR, null));
    f.time.advance(Duration.ofMinutes(5));

    LlmException error = failure(stream);
    assertThat(error.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(error.partialContent()).isEqualTo("par");
    assertThat(f.upstream.calls).hasSize(1);
    assertThat(f.failedEvents()).hasSize(1);
  }

  @Test
  void anInvalidRequestEndsTheCallWithoutRetryOrFallback() {
    f.upstream.fails(LlmErrorKind.INVALID_REQUEST);
    GatedStream stream = f.call(GPT);
    f.time.advance(Duration.ofMinutes(5));

    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.INVALID_REQUEST);
    assertThat(f.upstream.models()).containsExactly(GPT);
    assertThat(f.time.pending()).isZero();
  }

  @Test
  void aNotBeforePastTheDeadlineSkipsTheRetryAndFallsBack() {
    f.upstream
        .fails(LlmErrorKind.RATE_LIMITED, f.time.now().plusSeconds(120))
        .answers("mini", new Usage(1, 1, 0));
    GatedStream stream = f.call(GPT);

    assertThat(answer(stream).answeredModel()).isEqualTo(MINI);
    assertThat(f.time.pending()).isZero();
  }

  @Test
  void aFullQueueFallsBackAndWithoutFallbackFailsAsUnavailable() {
    f.lane(GPT).rejecting();
    f.lane(MINI).rejecting();
    f.upstream.answers("haiku", new Usage(1, 1, 0));
    GatedStream chained = f.call(GPT);
    assertThat(answer(chained).answeredModel()).isEqualTo(HAIKU);
    assertThat(chained.attempts())
        .extracting(Attempt::outcome)
        .containsExactly(
            Outcome.REJECTED_QUEUE_FULL, Outcome.REJECTED_QUEUE_FULL, Outcome.ADMITTED_COMPLETED);

    LlmException error = failure(f.call(MINI));
    assertThat(error.kind()).isEqualTo(LlmErrorKind.PROVIDER_UNAVAILABLE);
    assertThat(error.getCause()).isInstanceOf(AdmissionRejectedException.class);
    assertThat(error.notBefore()).isEqualTo(f.time.now().plusSeconds(5));
  }

  @Test
  void rateLimitHeadersTightenTheLane() {
    f.upstream.opens();
    f.call(GPT);
    RateLimitSnapshot snapshot =
        new RateLimitSnapshot(100L, 3L, null, null, null, null, f.time.now());
    f.upstream.calls.get(0).stream().rateLimits(snapshot);
    f.upstream.calls.get(0).stream().complete();
    assertThat(f.lane(GPT).observed).containsExactly(snapshot);
  }
}
