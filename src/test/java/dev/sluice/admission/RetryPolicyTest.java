package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final LlmException SERVER =
      ScriptedUpstream.error(LlmErrorKind.SERVER_ERROR, null);

  private static RetryPolicy policy(double jitter) {
    return new RetryPolicy(
        6, Duration.ofMillis(100), 2.0, Duration.ofMillis(1000), jitter, Duration.ofSeconds(30));
  }

  /** Always draws the same value, so a jittered delay is exact. */
  private static RandomGenerator fixed(double draw) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return draw;
      }
    };
  }

  @Test
  void withoutJitterTheScheduleDoublesUpToTheCap() {
    RetryPolicy p = policy(0);
    SplittableRandom random = new SplittableRandom(7);
    assertThat(
            IntStream.rangeClosed(2, 7)
                .mapToObj(a -> p.delayBefore(a, SERVER, NOW, random).toMillis())
                .toList())
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void jitterIsProportionalBelowTheExponentialDelay() {
    RetryPolicy p = policy(0.5);
    assertThat(p.delayBefore(3, SERVER, NOW, fixed(0.5))).isEqualTo(Duration.ofMillis(150));
    assertThat(p.delayBefore(3, SERVER, NOW, fixed(0.0))).isEqualTo(Duration.ofMillis(200));
    assertThat(policy(1.0).delayBefore(3, SERVER, NOW, fixed(0.75)))
        .isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void seededJitterStaysWithinItsBoundsAndRepeats() {
    RetryPolicy p = policy(0.5);
    SplittableRandom first = new SplittableRandom(42);
    SplittableRandom second = new SplittableRandom(42);
    for (int attempt = 2; attempt <= 7; attempt++) {
      long ceiling = Math.min(100L << (attempt - 2), 1000L);
      Duration d = p.delayBefore(attempt, SERVER, NOW, first);
      assertThat(d.toNanos()).isBetween(ceiling * 1_000_000 / 2, ceiling * 1_000_000);
      assertThat(p.delayBefore(attempt, SERVER, NOW, second)).isEqualTo(d);
    }
  }

  @Test
  void notBeforeIsHonouredEvenAboveMaxDelay() {
    LlmException limited = ScriptedUpstream.error(LlmErrorKind.RATE_LIMITED, NOW.plusSeconds(20));
    assertThat(policy(0.5).delayBefore(2, limited, NOW, new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aNotBeforeEarlierThanTheBackoffDoesNotShortenIt() {
    LlmException limited = ScriptedUpstream.error(LlmErrorKind.RATE_LIMITED, NOW.plusMillis(10));
    assertThat(policy(0).delayBefore(4, limited, NOW, fixed(0))).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void attemptsAndDeadlineBoundRetries() {
    RetryPolicy p =
        new RetryPolicy(
            3, Duration.ofMillis(100), 2, Duration.ofSeconds(1), 0, Duration.ofSeconds(5));
    assertThat(p.allowsAttemptAfter(2)).isTrue();
    assertThat(p.allowsAttemptAfter(3)).isFalse();
    assertThat(p.withinDeadline(Duration.ofMillis(4999))).isTrue();
    assertThat(p.withinDeadline(Duration.ofSeconds(5))).isFalse();
  }

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(
            () -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO, 0, Duration.ofSeconds(1)))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () -> new RetryPolicy(2, Duration.ZERO, 2, Duration.ZERO, 1.5, Duration.ofSeconds(1)))
        .hasMessageContaining("jitter");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    2, Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0, Duration.ofSeconds(1)))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(
            () -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO, 0, Duration.ofSeconds(1)))
        .hasMessageContaining("factor");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 2, Duration.ZERO, 0, Duration.ZERO))
        .hasMessageContaining("deadline");
  }
}
