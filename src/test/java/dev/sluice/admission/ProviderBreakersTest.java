package dev.sluice.admission;

import static io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED;
import static io.github.resilience4j.circuitbreaker.CircuitBreaker.State.DISABLED;
import static io.github.resilience4j.circuitbreaker.CircuitBreaker.State.FORCED_OPEN;
import static io.github.resilience4j.circuitbreaker.CircuitBreaker.State.HALF_OPEN;
import static io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderBreakersTest {

  private static final Duration CALL = Duration.ofMillis(200);

  private final ManualTime time = new ManualTime();
  private final List<String> transitions = new ArrayList<>();
  private ProviderBreakers breakers;

  @BeforeEach
  void setUp() {
    BreakerSettings settings =
        new BreakerSettings(50f, Duration.ofSeconds(10), 4, Duration.ofSeconds(30), 2);
    breakers = new ProviderBreakers(settings, time.wallClock());
    breakers.addTransitionListener((p, from, to) -> transitions.add(p + ":" + from + "->" + to));
  }

  private void succeed(String provider) {
    breakers.tryPass(provider).succeeded(CALL);
  }

  private void fail(String provider, LlmErrorKind kind) {
    fail(provider, ScriptedUpstream.error(kind, null));
  }

  private void fail(String provider, LlmException error) {
    breakers.tryPass(provider).failed(CALL, error);
  }

  private void openOpenAi() {
    succeed("openai");
    succeed("openai");
    fail("openai", LlmErrorKind.SERVER_ERROR);
    fail("openai", LlmErrorKind.OVERLOADED);
  }

  @Test
  void opensOnlyOnceTheMinimumCallsShowTheThresholdFailureRate() {
    succeed("openai");
    succeed("openai");
    fail("openai", LlmErrorKind.SERVER_ERROR);
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
    fail("openai", LlmErrorKind.CONNECT_TIMEOUT);
    assertThat(breakers.state("openai")).isEqualTo(OPEN);
    assertThat(transitions).containsExactly("openai:CLOSED->OPEN");
  }

  @Test
  void failsFastWhileOpenAndCountsRefusals() {
    openOpenAi();
    assertThat(breakers.tryPass("openai")).isNull();
    assertThat(breakers.tryPass("openai")).isNull();
    assertThat(breakers.view("openai").notPermittedCalls()).isEqualTo(2);
    assertThat(breakers.tryPass("anthropic")).isNotNull();
  }

  @Test
  void letsExactlyThePermittedProbesThroughAfterTheWaitAndClosesOnSuccess() {
    openOpenAi();
    time.advance(Duration.ofSeconds(30));
    assertThat(breakers.tryPass("openai")).isNull();
    time.advance(Duration.ofMillis(1));
    BreakerPass first = breakers.tryPass("openai");
    BreakerPass second = breakers.tryPass("openai");
    assertThat(breakers.state("openai")).isEqualTo(HALF_OPEN);
    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(breakers.tryPass("openai")).isNull();
    first.succeeded(CALL);
    second.succeeded(CALL);
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
    assertThat(transitions)
        .containsExactly(
            "openai:CLOSED->OPEN", "openai:OPEN->HALF_OPEN", "openai:HALF_OPEN->CLOSED");
  }

  @Test
  void opensAgainWhenTheProbesFail() {
    openOpenAi();
    time.advance(Duration.ofMillis(30_001));
    BreakerPass first = breakers.tryPass("openai");
    BreakerPass second = breakers.tryPass("openai");
    first.failed(CALL, ScriptedUpstream.error(LlmErrorKind.SERVER_ERROR, null));
    second.failed(CALL, ScriptedUpstream.error(LlmErrorKind.IDLE_TIMEOUT, null));
    assertThat(breakers.state("openai")).isEqualTo(OPEN);
    assertThat(breakers.tryPass("openai")).isNull();
  }

  @Test
  void anAbandonedProbeFreesItsSlotAndReportsOnlyOnce() {
    openOpenAi();
    time.advance(Duration.ofMillis(30_001));
    BreakerPass first = breakers.tryPass("openai");
    breakers.tryPass("openai").succeeded(CALL);
    first.abandon();
    first.failed(CALL, ScriptedUpstream.error(LlmErrorKind.SERVER_ERROR, null));
    BreakerPass replacement = breakers.tryPass("openai");
    assertThat(replacement).isNotNull();
    replacement.succeeded(CALL);
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    fail("openai", LlmErrorKind.SERVER_ERROR);
    fail("openai", LlmErrorKind.SERVER_ERROR);
    fail("openai", LlmErrorKind.SERVER_ERROR);
    time.advance(Duration.ofSeconds(11));
    fail("openai", LlmErrorKind.SERVER_ERROR);
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
    assertThat(breakers.view("openai").bufferedCalls()).isEqualTo(1);
  }

  @Test
  void rateLimitsClientErrorsAndCancellationsDoNotCount() {
    for (int i = 0; i < 3; i++) {
      fail("openai", LlmErrorKind.RATE_LIMITED);
      fail("openai", LlmErrorKind.INVALID_REQUEST);
      fail("openai", LlmErrorKind.AUTHENTICATION);
      fail("openai", LlmErrorKind.CONTEXT_LENGTH_EXCEEDED);
      fail("openai", LlmErrorKind.CANCELLED);
    }
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
    assertThat(breakers.view("openai").bufferedCalls()).isZero();
  }

  @Test
  void aStreamInterruptedByAnUnwellProviderCountsAsAFailure() {
    LlmException interrupted =
        ScriptedUpstream.error(LlmErrorKind.IDLE_TIMEOUT, null).interrupted("partial");
    for (int i = 0; i < 4; i++) {
      fail("openai", interrupted);
    }
    assertThat(breakers.state("openai")).isEqualTo(OPEN);
    assertThat(
            ProviderBreakers.countsAsFailure(
                ScriptedUpstream.error(LlmErrorKind.CANCELLED, null).interrupted("x")))
        .isFalse();
  }

  @Test
  void forceOpenForceClosedAndReset() {
    breakers.forceOpen("openai");
    assertThat(breakers.state("openai")).isEqualTo(FORCED_OPEN);
    assertThat(breakers.tryPass("openai")).isNull();

    breakers.forceClosed("openai");
    for (int i = 0; i < 10; i++) {
      fail("openai", LlmErrorKind.SERVER_ERROR);
    }
    assertThat(breakers.state("openai")).isEqualTo(DISABLED);
    assertThat(breakers.tryPass("openai")).isNotNull();

    breakers.reset("openai");
    assertThat(breakers.state("openai")).isEqualTo(CLOSED);
    openOpenAi();
    assertThat(breakers.views()).extracting(BreakerView::state).containsExactly(OPEN);
    assertThat(breakers.view("openai").failureRate()).isEqualTo(50f);
    assertThat(breakers.view("openai").failedCalls()).isEqualTo(2);
  }
}
