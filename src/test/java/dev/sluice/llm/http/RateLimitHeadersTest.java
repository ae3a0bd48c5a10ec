package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void openAiHeaders() {
    RateLimitSnapshot snapshot =
        RateLimitHeaders.parse(
            Headers.of(
                "x-ratelimit-limit-requests", "5000",
                "x-ratelimit-remaining-requests", "4999",
                "x-ratelimit-reset-requests", "12ms",
                "x-ratelimit-limit-tokens", "2000000",
                "x-ratelimit-remaining-tokens", "1999000",
                "x-ratelimit-reset-tokens", "6m0s"),
            CLOCK);
    assertThat(snapshot)
        .isEqualTo(
            new RateLimitSnapshot(
                5000L,
                4999L,
                NOW.plusMillis(12),
                2_000_000L,
                1_999_000L,
                NOW.plusSeconds(360),
                NOW));
  }

  @Test
  void anthropicHeaders() {
    RateLimitSnapshot snapshot =
        RateLimitHeaders.parse(
            Headers.of(
                "anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-remaining", "49",
                "anthropic-ratelimit-requests-reset", "2026-03-01T12:00:01Z",
                "anthropic-ratelimit-tokens-limit", "80000",
                "anthropic-ratelimit-tokens-remaining", "79000",
                "anthropic-ratelimit-tokens-reset", "2026-03-01T13:00:01+01:00"),
            CLOCK);
    assertThat(snapshot)
        .isEqualTo(
            new RateLimitSnapshot(
                50L, 49L, NOW.plusSeconds(1), 80000L, 79000L, NOW.plusSeconds(1), NOW));
  }

  @Test
  void anthropicInputAndOutputTokensWhenTokensAreAbsent() {
    RateLimitSnapshot snapshot =
        RateLimitHeaders.parse(
            Headers.of(
                "anthropic-ratelimit-input-tokens-limit", "40000",
                "anthropic-ratelimit-input-tokens-remaining", "39000",
                "anthropic-ratelimit-input-tokens-reset", "2026-03-01T12:00:02Z",
                "anthropic-ratelimit-output-tokens-limit", "8000",
                "anthropic-ratelimit-output-tokens-remaining", "100",
                "anthropic-ratelimit-output-tokens-reset", "2026-03-01T12:00:30Z"),
            CLOCK);
    assertThat(snapshot.tokenLimit()).isEqualTo(8000L);
    assertThat(snapshot.tokensRemaining()).isEqualTo(100L);
    assertThat(snapshot.tokensResetAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(snapshot.requestLimit()).isNull();
  }

  @Test
  void noHeadersGiveNone() {
    assertThat(RateLimitHeaders.parse(Headers.of("x-request-id", "req_1"), CLOCK))
        .isSameAs(RateLimitSnapshot.NONE);
  }

  @Test
  void goDurations() {
    assertThat(RateLimitHeaders.goDuration("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(RateLimitHeaders.goDuration("6m0s")).isEqualTo(Duration.ofMinutes(6));
    assertThat(RateLimitHeaders.goDuration("20ms")).isEqualTo(Duration.ofMillis(20));
    assertThat(RateLimitHeaders.goDuration("0.5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(RateLimitHeaders.goDuration("1h2m3.5s"))
        .isEqualTo(Duration.ofHours(1).plusMinutes(2).plusMillis(3500));
    assertThat(RateLimitHeaders.goDuration("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(RateLimitHeaders.goDuration("3 days")).isNull();
    assertThat(RateLimitHeaders.goDuration("1sx")).isNull();
  }

  /** Found by RateLimitHeadersFuzzTest: the nanoseconds wrapped around into a negative wait. */
  @Test
  void aGoDurationBeyondALongOfNanosecondsIsCutNotWrapped() {
    Duration longest = Duration.ofNanos(Long.MAX_VALUE);
    assertThat(RateLimitHeaders.goDuration("88888888888888888888888120ms")).isEqualTo(longest);
    assertThat(RateLimitHeaders.goDuration("99999999999")).isEqualTo(longest);
    assertThat(RateLimitHeaders.goDuration("2562047h47m16.854775807s")).isEqualTo(longest);
    assertThat(RateLimitHeaders.goDuration("2562047h47m16.854775806s"))
        .isEqualTo(longest.minusNanos(1));
  }
}
