package dev.sluice.llm.http;

import dev.sluice.llm.RateLimitSnapshot;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit headers of both providers into a {@link RateLimitSnapshot}: OpenAI's {@code
 * x-ratelimit-*} (resets as Go durations such as {@code 6m0s}) and Anthropic's {@code
 * anthropic-ratelimit-*} (resets as RFC 3339 instants).
 */
public final class RateLimitHeaders {

  private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
  private static final String OPENAI = "x-ratelimit-";
  private static final String ANTHROPIC = "anthropic-ratelimit-";
  private static final BigDecimal LONGEST_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  private RateLimitHeaders() {}

  public static RateLimitSnapshot parse(HttpHeaders headers, Clock clock) {
    Instant now = clock.instant();
    if (headers.firstValue(ANTHROPIC + "requests-limit").isPresent()
        || headers.firstValue(ANTHROPIC + "tokens-limit").isPresent()
        || headers.firstValue(ANTHROPIC + "input-tokens-limit").isPresent()) {
      return anthropic(headers, now);
    }
    RateLimitSnapshot snapshot =
        new RateLimitSnapshot(
            number(headers, OPENAI + "limit-requests"),
            number(headers, OPENAI + "remaining-requests"),
            after(now, headers, OPENAI + "reset-requests"),
            number(headers, OPENAI + "limit-tokens"),
            number(headers, OPENAI + "remaining-tokens"),
            after(now, headers, OPENAI + "reset-tokens"),
            now);
    return snapshot.isEmpty() ? RateLimitSnapshot.NONE : snapshot;
  }

  private static RateLimitSnapshot anthropic(HttpHeaders headers, Instant now) {
    String tokens = ANTHROPIC + "tokens-";
    if (headers.firstValue(tokens + "limit").isEmpty()) {
      tokens = scarcer(headers);
    }
    return new RateLimitSnapshot(
        number(headers, ANTHROPIC + "requests-limit"),
        number(headers, ANTHROPIC + "requests-remaining"),
        instant(headers, ANTHROPIC + "requests-reset"),
        number(headers, tokens + "limit"),
        number(headers, tokens + "remaining"),
        instant(headers, tokens + "reset"),
        now);
  }

  /** Of input and output token limits, the one with fewer tokens left binds first. */
  private static String scarcer(HttpHeaders headers) {
    Long input = number(headers, ANTHROPIC + "input-tokens-remaining");
    Long output = number(headers, ANTHROPIC + "output-tokens-remaining");
    boolean outputBinds = output != null && (input == null || output < input);
    return ANTHROPIC + (outputBinds ? "output-tokens-" : "input-tokens-");
  }

  /**
   * Parses a Go duration ({@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}); a bare number
   * counts as seconds. Null when the text is none of these.
   */
  public static Duration goDuration(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.matches("\\d+(\\.\\d+)?")) {
      return saturated(new BigDecimal(trimmed).multiply(BigDecimal.valueOf(unitNanos("s"))));
    }
    Matcher m = GO_PART.matcher(trimmed);
    BigDecimal total = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      BigDecimal unit = BigDecimal.valueOf(unitNanos(m.group(2)));
      total = total.add(new BigDecimal(m.group(1)).multiply(unit));
      end = m.end();
    }
    return end == trimmed.length() ? saturated(total) : null;
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "h" -> 3_600_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "s" -> 1_000_000_000L;
      case "ms" -> 1_000_000L;
      case "us", "µs" -> 1_000L;
      default -> 1L;
    };
  }

  /**
   * Whole nanoseconds. A wait longer than a long's worth of them (about 292 years) is cut to that,
   * in effect "not in our lifetime", where narrowing it would wrap it into the past.
   */
  private static Duration saturated(BigDecimal nanos) {
    return Duration.ofNanos(nanos.min(LONGEST_NANOS).longValue());
  }

  static Long number(HttpHeaders headers, String name) {
    try {
      return headers.firstValue(name).map(String::strip).map(Long::valueOf).orElse(null);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  static Instant after(Instant now, HttpHeaders headers, String name) {
    Duration d = goDuration(headers.firstValue(name).orElse(null));
    return d == null ? null : now.plus(d);
  }

  static Instant instant(HttpHeaders headers, String name) {
    try {
      return headers
          .firstValue(name)
          .map(v -> OffsetDateTime.parse(v.strip()).toInstant())
          .orElse(null);
    } catch (DateTimeParseException notRfc3339) {
      return null;
    }
  }
}
