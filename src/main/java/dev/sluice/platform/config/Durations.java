package dev.sluice.platform.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of Sluice's configuration and flags: {@code 500ms}, {@code 0.5s}, {@code
 * 2s}, {@code 5m}, {@code 1h}, {@code 90d}, or plain milliseconds; never negative.
 */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

  private Durations() {}

  /** Parses a duration; {@link IllegalArgumentException} when the text is not one. */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long unitNanos =
        switch (m.group(2) == null ? "ms" : m.group(2)) {
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          case "d" -> 86_400_000_000_000L;
          default -> 1_000_000L;
        };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
    return Duration.ofNanos(nanos.longValueExact());
  }
}
