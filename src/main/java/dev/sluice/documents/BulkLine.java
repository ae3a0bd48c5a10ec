package dev.sluice.documents;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * One line of a bulk load, {@code {"title": "...", "text": "..."}}, checked like a single JSON
 * document. Every error names the line ({@code lines[17].text}) and says that nothing was stored.
 */
final class BulkLine {

  // Looked up once: Json.createReader would search for the JSON-P provider on every line.
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private BulkLine() {}

  static TextDraft parse(JsonLines.Line line, int maxTextChars) {
    String prefix = "lines[" + line.number() + "].";
    JsonObject object = object(line);
    TextDraft.Result checked =
        TextDraft.check(
            string(object, "title", line.number()),
            string(object, "text", line.number()),
            maxTextChars,
            prefix);
    if (!checked.valid()) {
      throw invalid(line.number(), checked.summary(), checked.errors());
    }
    return checked.draft();
  }

  private static JsonObject object(JsonLines.Line line) {
    try (JsonReader reader = READERS.createReader(new StringReader(line.text()))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() == JsonValue.ValueType.OBJECT) {
        return value.asJsonObject();
      }
    } catch (JsonException
        | IllegalStateException
        | NumberFormatException
        | UnsupportedOperationException e) {
      // Falls through to the same answer as a value that is not an object. Parsson reads a number
      // beyond BigDecimal's exponent range or over 1,100 digits long with the last two.
    }
    String field = "lines[" + line.number() + "]";
    String message = "not a JSON object {\"title\": ..., \"text\": ...}";
    throw invalid(line.number(), field + ": " + message, List.of(error(field, message)));
  }

  /** The member as a string; null when absent; a 400 when it is there but not a string. */
  private static String string(JsonObject object, String name, int line) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    String field = "lines[" + line + "]." + name;
    throw invalid(line, field + ": must be a string", List.of(error(field, "must be a string")));
  }

  static ProblemException invalid(int line, String detail, List<Problem.FieldError> errors) {
    return new ProblemException(
        Problem.of(400, "Bad Request", "line " + line + ": " + detail + "; nothing was stored")
            .withErrors(errors));
  }

  private static Problem.FieldError error(String field, String message) {
    return new Problem.FieldError(field, message);
  }
}
