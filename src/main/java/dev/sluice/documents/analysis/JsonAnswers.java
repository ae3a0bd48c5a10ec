package dev.sluice.documents.analysis;

import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON in a model's answer. Models asked for JSON still wrap it in code fences or a
 * sentence now and then; those wrappers are not worth a repair call, so they are taken off here.
 */
final class JsonAnswers {

  private static final Pattern FENCED =
      Pattern.compile("```[a-zA-Z]*\\s*\\R(.*?)\\R?\\s*```", Pattern.DOTALL);

  private JsonAnswers() {}

  /** A JSON value found in an answer, or why none could be read. */
  record Found(JsonValue value, String problem) {}

  /** The whole answer as JSON, else the span from its first bracket to its last. */
  static Found find(String raw) {
    String text = unfenced(raw).strip();
    Found whole = parse(text);
    if (whole.value() != null) {
      return whole;
    }
    int start = firstBracket(text);
    int end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (start > 0 && end > start) {
      Found inner = parse(text.substring(start, end + 1));
      if (inner.value() != null) {
        return inner;
      }
    }
    return whole;
  }

  /** Whether the answer looks like it meant to be JSON at all. */
  static boolean mentionsJson(String raw) {
    return firstBracket(unfenced(raw)) >= 0;
  }

  static String unfenced(String raw) {
    String text = raw == null ? "" : raw;
    Matcher m = FENCED.matcher(text);
    return m.find() ? m.group(1) : text;
  }

  private static Found parse(String text) {
    if (text.isEmpty()) {
      return new Found(null, "the answer was empty");
    }
    try (JsonReader reader = JsonFactories.PROVIDER.createReader(new StringReader(text))) {
      return new Found(reader.readValue(), null);
    } catch (JsonException | NumberFormatException | UnsupportedOperationException e) {
      // Parsson reads numbers beyond BigDecimal's exponent range (1e99999999999) or its length
      // limit (over 1,100 digits) with these two instead of a JsonException: still not our JSON.
      return new Found(null, "not valid JSON (" + e.getMessage() + ")");
    }
  }

  private static int firstBracket(String text) {
    int brace = text.indexOf('{');
    int bracket = text.indexOf('[');
    if (brace < 0 || bracket < 0) {
      return Math.max(brace, bracket);
    }
    return Math.min(brace, bracket);
  }
}
