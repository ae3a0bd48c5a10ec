package dev.sluice.admission;

import static dev.sluice.admission.GateFixture.GPT;
import static dev.sluice.admission.GateFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Attempt.Outcome;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.Usage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GateCancellationTest {

  private final GateFixture f = new GateFixture();

  @AfterEach
  void everyPermitReleasedExactlyOnceAndOneFailureHeard() {
    f.assertEveryPermitReleasedOnce();
    assertThat(f.failedEvents())
        .extracting(e -> e.error().kind())
        .containsExactly(LlmErrorKind.CANCELLED);
  }

  @Test
  void whileWaitingForAdmissionItLeavesTheQueue() {
    f.lane(GPT).holding();
    GatedStream stream = f.call(GPT);
    stream.cancel();

    assertThat(f.lane(GPT).heldAdmission(0)).isCancelled();
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
    assertThat(stream.attempts()).extracting(Attempt::outcome).containsExactly(Outcome.CANCELLED);
    assertThat(f.upstream.calls).isEmpty();
    assertThat(f.lane(GPT).permitsIssued()).isZero();
  }

  @Test
  void duringBackoffTheRetryNeverStarts() {
    f.upstream.fails(LlmErrorKind.SERVER_ERROR);
    GatedStream stream = f.call(GPT);
    assertThat(f.time.pending()).isEqualTo(1);
    stream.cancel();

    assertThat(f.time.pending()).isZero();
    f.time.advance(Duration.ofMinutes(1));
    assertThat(f.upstream.calls).hasSize(1);
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
    assertThat(f.lane(GPT).permitsIssued()).isEqualTo(1);
  }

  @Test
  void whileStreamingTheUpstreamIsCancelledAndThePermitReleasedWithUsageSoFar() {
    f.upstream.opens();
    GatedStream stream = f.call(GPT);
    ScriptedUpstream.Call call = f.upstream.calls.get(0);
    call.stream().delta("hel");
    call.stream().usage(new Usage(10, 2, 0));
    stream.cancel();
    stream.cancel();

    assertThat(call.cancelled()[0]).isTrue();
    assertThat(f.lane(GPT).releasedTokens()).containsExactly(12L);
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
    assertThat(stream.attempts()).extracting(Attempt::outcome).containsExactly(Outcome.CANCELLED);
    assertThat(f.breakers.view("openai").bufferedCalls()).isZero();
  }

  @Test
  void aPermitGrantedJustAfterTheCancelIsReleasedAndNothingIsSent() {
    f.lane(GPT).stubborn();
    GatedStream stream = f.call(GPT);
    stream.cancel();
    f.lane(GPT).grant(Duration.ofSeconds(2));

    assertThat(f.lane(GPT).permitsIssued()).isEqualTo(1);
    assertThat(f.lane(GPT).releasedTokens()).containsExactly(0L);
    assertThat(f.upstream.calls).isEmpty();
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
  }
}
