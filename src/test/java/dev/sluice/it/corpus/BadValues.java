package dev.sluice.it.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spoiled values the corpus puts in every parameter and field: empty, huge, unicode and
 * injection strings for text, and JSON of the wrong type for each declared type.
 */
final class BadValues {

  private BadValues() {}

  /** Text values, by a short name for the report. */
  static Map<String, String> strings() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("empty", "");
    values.put("blank", "   ");
    values.put("huge", "x".repeat(12_000));
    values.put("unicode", "\u00e9\u6f22\u5b57\uD83D\uDE00\u202E\u200B\uFEFF");
    values.put("nul", "a\u0000b");
    values.put("control", "\u0001\u0007\u001b[31m");
    values.put("crlf", "a\r\nX-Injected: 1");
    values.put("sql", "' OR '1'='1' --");
    values.put("like", "%_%");
    values.put("html", "<script>alert(1)</script>");
    values.put("traversal", "../../../../etc/passwd");
    values.put("jndi", "${jndi:ldap://127.0.0.1:1/a}");
    values.put("el", "#{7*7}${7*7}");
    values.put("negative", "-1");
    values.put("bignumber", "99999999999999999999999999");
    values.put("json", "{\"a\":[1,2]}");
    return values;
  }

  /** JSON literals that are not of the declared OpenAPI {@code type}, by a short name. */
  static Map<String, String> wrongJson(String type) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> tried =
        switch (type == null ? "" : type) {
          case "string" -> List.of("1", "1.5", "true", "[]", "{}");
          case "integer" ->
              List.of(
                  "\"4\"",
                  "1.5",
                  "true",
                  "[]",
                  "{}",
                  "\"x\"",
                  "1e400",
                  "99999999999999999999",
                  "-1");
          case "boolean" -> List.of("\"true\"", "1", "[]", "{}");
          case "array" -> List.of("\"x\"", "{}", "1", "[1]", "[null]", "[[]]", "[{}]");
          case "object" -> List.of("\"x\"", "[]", "1", "true");
          default -> List.of("\"x\"", "1", "[]", "{}");
        };
    for (String literal : tried) {
      values.put("json " + literal, literal);
    }
    values.put("null", "null");
    return values;
  }
}
