package dev.sluice.it.corpus;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Spoils a valid JSON body: each field in turn (nested objects' fields too) with every value of the
 * wrong type, every bad string and one character over its {@code maxLength}; and the body as a
 * whole (not JSON, cut short, an array, trailing garbage, deep nesting, the wrong media type).
 */
final class BodyCases {

  /**
   * Whole bodies a 2xx may answer: still JSON (RFC 8259 allows them), or no body at all, which is
   * an empty request where every field is optional.
   */
  private static final Set<String> LENIENT = Set.of("duplicate keys", "lone surrogate", "empty");

  private final Operation op;
  private final String valid;
  private final Consumer<CorpusCase> out;
  private final String target;

  BodyCases(Operation op, String target, String valid, Consumer<CorpusCase> out) {
    this.op = op;
    this.target = target;
    this.valid = valid;
    this.out = out;
  }

  void all(JsonObject schema) {
    JsonObject properties = schema.getJsonObject("properties");
    if (properties != null) {
      properties.forEach((name, property) -> field(name, name, property.asJsonObject(), null));
    }
    whole();
  }

  private void field(String name, String path, JsonObject property, String parent) {
    String type = property.getString("type", null);
    BadValues.wrongJson(type)
        .forEach(
            (label, literal) -> spoil(path, parent, name, label, literal, !literal.equals("null")));
    if ("string".equals(type)) {
      BadValues.strings()
          .forEach(
              (label, text) -> spoil(path, parent, name, label, OpenApiCases.json(text), false));
      if (property.containsKey("maxLength")) {
        int over = property.getInt("maxLength") + 1;
        spoil(path, parent, name, "maxLength+1", OpenApiCases.json("y".repeat(over)), true);
      }
    }
    if ("array".equals(type)) {
      BadValues.strings()
          .forEach(
              (label, text) ->
                  spoil(
                      path,
                      parent,
                      name,
                      "[" + label + "]",
                      "[" + OpenApiCases.json(text) + "]",
                      false));
    }
    JsonObject nested = property.getJsonObject("properties");
    if ("object".equals(type) && nested != null && parent == null) {
      nested.forEach(
          (inner, schema) -> field(inner, name + "." + inner, schema.asJsonObject(), name));
    }
  }

  /**
   * The valid body with field {@code name} (inside {@code parent} when given) set to {@code
   * literal}.
   */
  private void spoil(
      String path, String parent, String name, String label, String literal, boolean refuse) {
    String body =
        parent == null
            ? with(valid, name, literal)
            : with(valid, parent, with("{}", name, literal));
    emit("body " + path + "=" + label, body, path, "application/json", refuse);
  }

  private static String with(String object, String name, String literal) {
    JsonObject base = Json.createReader(new StringReader(object)).readObject();
    StringBuilder json = new StringBuilder("{");
    base.forEach(
        (key, value) -> {
          if (!key.equals(name)) {
            json.append(OpenApiCases.json(key)).append(':').append(value).append(',');
          }
        });
    return json.append(OpenApiCases.json(name)).append(':').append(literal).append('}').toString();
  }

  private void whole() {
    Map<String, String> broken =
        Map.ofEntries(
            Map.entry("empty", ""),
            Map.entry("not json", "title=a&text=b"),
            Map.entry("cut short", valid.substring(0, valid.length() - 1)),
            Map.entry("array", "[" + valid + "]"),
            Map.entry("null", "null"),
            Map.entry("string", "\"a\""),
            Map.entry("number", "1"),
            Map.entry("trailing garbage", valid + " garbage"),
            Map.entry("two objects", valid + valid),
            Map.entry("deep nesting", "[".repeat(20_000) + "]".repeat(20_000)),
            Map.entry("bad escape", "{\"a\":\"\\x41\"}"),
            Map.entry("lone surrogate", "{\"title\":\"\\ud800\"}"),
            Map.entry("duplicate keys", with(valid, "x", "1").replace("}", ",\"x\":2}")));
    broken.forEach(
        (label, body) ->
            emit("body " + label, body, null, "application/json", !LENIENT.contains(label)));
    emit("as text/plain", valid, null, "text/plain", true);
    emit("as xml", "<a/>", null, "application/xml", true);
    // An unknown charset may be read as UTF-8, JSON's own encoding.
    emit("unknown charset", valid, null, "application/json; charset=x-unknown", false);
  }

  private void emit(String label, String body, String field, String contentType, boolean refuse) {
    CorpusCase spoiled = op.request(label, target, contentType, body, field);
    out.accept(refuse ? spoiled.refused() : spoiled);
  }
}
