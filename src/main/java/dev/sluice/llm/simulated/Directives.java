package dev.sluice.llm.simulated;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [sim:...]} directives a test writes into its last user message to ask the simulator
 * for an exact behaviour, such as {@code [sim:rate-limit retry-after=3]} or {@code
 * [sim:cut-after=5]} or {@code [sim:no-usage]} (answer without reporting usage, as some
 * OpenAI-compatible servers do), and the message's text with them taken out.
 */
final class Directives {

  private static final Pattern DIRECTIVE = Pattern.compile("\\[sim:([^\\]]*)\\]");
  private static final Set<String> KNOWN =
      Set.of(
          "rate-limit",
          "retry-after",
          "server-error",
          "overloaded",
          "cut-after",
          "slow-first-token",
          "malformed",
          "tokens",
          "delay",
          "first-token",
          "invalid-json",
          "no-usage");

  private final Map<String, String> values;
  private final String strippedText;

  private Directives(Map<String, String> values, String strippedText) {
    this.values = values;
    this.strippedText = strippedText;
  }

  /** Finds every directive; an unknown name is an {@link IllegalArgumentException}. */
  static Directives parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    Matcher m = DIRECTIVE.matcher(text);
    while (m.find()) {
      for (String word : m.group(1).trim().split("\\s+")) {
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        if (!KNOWN.contains(name)) {
          throw new IllegalArgumentException(
              "unknown simulator directive [sim:" + m.group(1) + "]");
        }
        values.put(name, eq < 0 ? "" : word.substring(eq + 1));
      }
    }
    String stripped = DIRECTIVE.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").trim();
    return new Directives(values, stripped);
  }

  String strippedText() {
    return strippedText;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<Integer> count(String name) {
    return Optional.ofNullable(values.get(name)).map(v -> number(name, v)).map(Math::toIntExact);
  }

  /** A delay given as milliseconds or with a unit ({@code 50}, {@code 2s}). */
  Optional<Duration> millis(String name) {
    return Optional.ofNullable(values.get(name)).map(v -> SettingValues.parseDuration(name, v));
  }

  /** A delay given as seconds, as in a Retry-After header, or with a unit. */
  Optional<Duration> seconds(String name) {
    return Optional.ofNullable(values.get(name))
        .map(v -> v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : millis(name).get());
  }

  private static long number(String name, String value) {
    try {
      long n = Long.parseLong(value);
      if (n >= 0 && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the directive's name
    }
    throw new IllegalArgumentException(
        "simulator directive '" + name + "' needs a whole number, got '" + value + "'");
  }
}
