package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.llm.RateLimitSnapshot;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fuzzes {@link RateLimitHeaders}: whatever values a provider (or a proxy in between) sends, it
 * never throws, a Go duration is never negative, and an OpenAI reset is never in the past.
 */
class RateLimitHeadersFuzzTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @FuzzTest(maxDuration = "15s")
  void headersNeverThrowAndNeverGiveANegativeWait(byte[] input) {
    HttpHeaders headers = headers(input);

    RateLimitSnapshot snapshot = RateLimitHeaders.parse(headers, CLOCK);

    for (String name : List.of("x-ratelimit-reset-requests", "x-ratelimit-reset-tokens")) {
      headers
          .firstValue(name)
          .map(RateLimitHeaders::goDuration)
          .ifPresent(d -> assertThat(d).as(name).isGreaterThanOrEqualTo(Duration.ZERO));
    }
    if (isOpenAi(headers)) {
      for (Instant reset : new Instant[] {snapshot.requestsResetAt(), snapshot.tokensResetAt()}) {
        assertThat(reset == null || !reset.isBefore(NOW)).as("reset %s", reset).isTrue();
      }
    }
  }

  /** Anthropic's resets are instants a provider may set in the past; OpenAI's are delays. */
  private static boolean isOpenAi(HttpHeaders headers) {
    return List.of("requests-limit", "tokens-limit", "input-tokens-limit").stream()
        .noneMatch(n -> headers.firstValue("anthropic-ratelimit-" + n).isPresent());
  }

  /**
   * The input read as a header block, one {@code name: value} a line, as the HTTP client hands them
   * over (ISO-8859-1, names in any case, a repeated name keeping all its values).
   */
  static HttpHeaders headers(byte[] input) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : new String(input, StandardCharsets.ISO_8859_1).split("\n")) {
      int colon = line.indexOf(':');
      // trim(), as HttpHeaders does: it also takes off control characters, which strip() keeps.
      String name = colon < 0 ? "" : line.substring(0, colon).trim();
      if (!name.isEmpty()) {
        map.computeIfAbsent(name, n -> new ArrayList<>()).add(line.substring(colon + 1).strip());
      }
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
