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
 * for an exact behaviour, and the message's text with them taken out. One directive holds one or
 * more words separated by spaces, {@code [sim:rate-limit retry-after=3]} being the same as {@code
 * [sim:rate-limit] [sim:retry-after=3]}; an unknown word is an error.
 *
 * <ul>
 *   <li>Faults: {@code rate-limit} (with {@code retry-after=3} seconds), {@code server-error},
 *       {@code overloaded}, {@code malformed} (the first event cannot be parsed), {@code
 *       cut-after=5} (the stream breaks after five pieces), {@code slow-first-token=3000}.
 *   <li>Pace and length: {@code delay=50} between pieces, {@code first-token=100}, {@code
 *       tokens=10} for the answer's length.
 *   <li>Answer: {@code plain} for plain sentences even when the answer is long enough for Markdown;
 *       {@code say} to answer with the message's own text, verbatim, once the directives are taken
 *       out (see {@link #verbatimText}); {@code tokens} does not apply to it. {@code invalid-json}
 *       for a JSON-mode answer that does not parse.
 *   <li>{@code no-usage}: answer without reporting usage, as some OpenAI-compatible servers do.
 * </ul>
 *
 * <p>Durations take milliseconds or a unit ({@code delay=2s}).
 */
final class Directives {

  private static final Pattern DIRECTIVE = Pattern.compile("\\[sim:([^\\]]*)\\]");

  /** A directive with at most one line break or space after it, which belonged to it. */
  private static final Pattern DIRECTIVE_AND_BREAK =
      Pattern.compile("\\[sim:[^\\]]*\\](?:\\r\\n|\\n| )?");

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
          "no-usage",
          "plain",
          "say");

  private final Map<String, String> values;
  private final String strippedText;
  private final String verbatimText;

  private Directives(Map<String, String> values, String strippedText, String verbatimText) {
    this.values = values;
    this.strippedText = strippedText;
    this.verbatimText = verbatimText;
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
    String verbatim = DIRECTIVE_AND_BREAK.matcher(text).replaceAll("");
    return new Directives(values, stripped, verbatim);
  }

  /** The text without directives, its whitespace collapsed: what simulated answers are about. */
  String strippedText() {
    return strippedText;
  }

  /**
   * The text without directives but otherwise exactly as written, for {@code say}: only each
   * directive and the one line break or space right after it go, so a test can put its answer on
   * the lines after {@code [sim:say]} with every newline and space intact.
   */
  String verbatimText() {
    return verbatimText;
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
