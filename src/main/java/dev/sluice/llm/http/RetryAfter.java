package dev.sluice.llm.http;

import dev.sluice.llm.RateLimitSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The instant before which a rate-limited or overloaded call should not be retried, from the most
 * precise header a provider sent: {@code retry-after-ms}, then {@code Retry-After} (seconds or an
 * HTTP-date), then the later of the rate-limit reset headers.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** The not-before instant, or null when no header says. */
  public static Instant of(HttpHeaders headers, Clock clock) {
    Instant now = clock.instant();
    Optional<Instant> explicit =
        millis(headers.firstValue("retry-after-ms"), now)
            .or(() -> retryAfter(headers.firstValue("retry-after"), now));
    return explicit.orElseGet(() -> latestReset(RateLimitHeaders.parse(headers, clock)));
  }

  private static Optional<Instant> millis(Optional<String> value, Instant now) {
    return value.flatMap(RetryAfter::decimal).map(ms -> now.plus(exact(ms.movePointLeft(3))));
  }

  private static Optional<Instant> retryAfter(Optional<String> value, Instant now) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<BigDecimal> seconds = decimal(value.get());
    if (seconds.isPresent()) {
      return Optional.of(now.plus(exact(seconds.get())));
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(value.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  private static Instant latestReset(RateLimitSnapshot snapshot) {
    Instant requests = snapshot.requestsResetAt();
    Instant tokens = snapshot.tokensResetAt();
    if (requests == null) {
      return tokens;
    }
    return tokens == null || requests.isAfter(tokens) ? requests : tokens;
  }

  private static Optional<BigDecimal> decimal(String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("\\d{1,12}(\\.\\d{1,9})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(trimmed));
  }

  /**
   * The seconds as a Duration, to the nanosecond. Not through a long of nanoseconds: that holds
   * only 292 years, and a Retry-After of 12 digits (which {@link #decimal} allows) wrapped into a
   * wrong, possibly past, instant.
   */
  private static Duration exact(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }
}
