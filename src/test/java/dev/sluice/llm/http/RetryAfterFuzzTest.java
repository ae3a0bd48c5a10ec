package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fuzzes {@link RetryAfter}: it never throws, and a delay in {@code retry-after-ms} or {@code
 * Retry-After} seconds gives exactly now plus that delay, never a moment in the past.
 */
class RetryAfterFuzzTest {

  private static final Instant NOW = RateLimitHeadersFuzzTest.NOW;
  private static final String DELAY = "\\d{1,12}(\\.\\d{1,9})?";

  @FuzzTest(maxDuration = "15s")
  void aDelayIsExactlyNowPlusTheDelay(byte[] input) {
    HttpHeaders headers = RateLimitHeadersFuzzTest.headers(input);

    Instant notBefore = RetryAfter.of(headers, RateLimitHeadersFuzzTest.CLOCK);

    Optional<Instant> expected =
        delay(headers, "retry-after-ms", 1_000_000L)
            .or(() -> delay(headers, "retry-after", 1_000_000_000L));
    expected.ifPresent(
        at -> {
          assertThat(notBefore).isEqualTo(at);
          assertThat(notBefore).isAfterOrEqualTo(NOW);
        });
  }

  /** The header as a delay in the given unit, truncated to whole nanoseconds. */
  private static Optional<Instant> delay(HttpHeaders headers, String name, long unitNanos) {
    return headers
        .firstValue(name)
        .map(String::strip)
        .filter(v -> v.matches(DELAY))
        .map(v -> new BigDecimal(v).multiply(BigDecimal.valueOf(unitNanos)).toBigInteger())
        .map(nanos -> NOW.plus(nanosOf(nanos)));
  }

  private static Duration nanosOf(BigInteger nanos) {
    BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    return Duration.ofSeconds(
        secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
  }
}
