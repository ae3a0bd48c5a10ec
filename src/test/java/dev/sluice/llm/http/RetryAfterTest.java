package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void millisecondsWinOverSeconds() {
    assertThat(RetryAfter.of(Headers.of("retry-after-ms", "1500", "retry-after", "9"), CLOCK))
        .isEqualTo(NOW.plusMillis(1500));
  }

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.of(Headers.of("Retry-After", "20"), CLOCK))
        .isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  void fractionalSeconds() {
    assertThat(RetryAfter.of(Headers.of("retry-after", "0.25"), CLOCK))
        .isEqualTo(NOW.plusMillis(250));
  }

  @Test
  void httpDate() {
    assertThat(RetryAfter.of(Headers.of("retry-after", "Sun, 01 Mar 2026 12:01:30 GMT"), CLOCK))
        .isEqualTo(NOW.plusSeconds(90));
  }

  @Test
  void theLaterOfOpenAiResets() {
    assertThat(
            RetryAfter.of(
                Headers.of("x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "1m3s"),
                CLOCK))
        .isEqualTo(NOW.plusSeconds(63));
  }

  @Test
  void theLaterOfAnthropicResets() {
    assertThat(
            RetryAfter.of(
                Headers.of(
                    "anthropic-ratelimit-requests-limit", "50",
                    "anthropic-ratelimit-requests-reset", "2026-03-01T12:00:40Z",
                    "anthropic-ratelimit-tokens-reset", "2026-03-01T12:00:05Z"),
                CLOCK))
        .isEqualTo(NOW.plusSeconds(40));
  }

  @Test
  void nothingSaysNull() {
    assertThat(RetryAfter.of(Headers.of("content-type", "application/json"), CLOCK)).isNull();
    assertThat(RetryAfter.of(Headers.of("retry-after", "soon"), CLOCK)).isNull();
  }

  /** Found by RetryAfterFuzzTest: 12 digits of seconds overflowed a long of nanoseconds. */
  @Test
  void aDelayOfCenturiesIsExactNotWrapped() {
    assertThat(RetryAfter.of(Headers.of("retry-after", "099999999999"), CLOCK))
        .isEqualTo(NOW.plusSeconds(99_999_999_999L));
    assertThat(RetryAfter.of(Headers.of("retry-after", "999999999999.999999999"), CLOCK))
        .isEqualTo(NOW.plusSeconds(999_999_999_999L).plusNanos(999_999_999));
    assertThat(RetryAfter.of(Headers.of("retry-after-ms", "999999999999.999999999"), CLOCK))
        .isEqualTo(NOW.plusMillis(999_999_999_999L).plusNanos(999_999));
  }
}
