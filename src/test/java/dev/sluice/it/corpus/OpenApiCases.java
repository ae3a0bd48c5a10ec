package dev.sluice.it.corpus;

import dev.sluice.it.corpus.CorpusCase.Creates;
import dev.sluice.it.corpus.CorpusCase.Who;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates the corpus from the server's OpenAPI document: for every operation, each path and query
 * parameter spoiled in turn with every bad value, each JSON body field with every value of the
 * wrong type and every bad string, the body as a whole broken, the call made anonymously and by a
 * user who lacks the role, and the path asked with a method it does not take.
 */
final class OpenApiCases {

  private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

  private final JsonObject openApi;
  private final Fixtures fixtures;
  private final List<CorpusCase> cases = new ArrayList<>();

  OpenApiCases(JsonObject openApi, Fixtures fixtures) {
    this.openApi = openApi;
    this.fixtures = fixtures;
  }

  List<CorpusCase> all() {
    openApi
        .getJsonObject("paths")
        .forEach(
            (path, item) -> {
              JsonObject operations = item.asJsonObject();
              for (String method : METHODS) {
                if (operations.containsKey(method)) {
                  operation(new Operation(path, method.toUpperCase(), operations, method));
                }
              }
              cases.add(pathCase(new Operation(path, "PATCH", operations, null), "method PATCH"));
            });
    return cases;
  }

  private void operation(Operation op) {
    CorpusCase plain = pathCase(op, "");
    cases.add(plain.as(Who.ANONYMOUS, " anonymous"));
    if (op.who() == Who.ADMIN) {
      cases.add(plain.as(Who.DEMO, " as a user"));
    }
    for (JsonValue value : op.parameters()) {
      JsonObject parameter = value.asJsonObject();
      String name = parameter.getString("name");
      switch (parameter.getString("in")) {
        case "path" -> spoilPath(op, name);
        case "query" -> spoilQuery(op, name);
        default -> {}
      }
    }
    String body = fixtures.validBody(op.method(), op.path());
    if (body != null) {
      new BodyCases(op, fill(op, null, null), body, cases::add).all(schemaOf(op));
    }
  }

  private void spoilPath(Operation op, String name) {
    BadValues.strings()
        .forEach(
            (label, value) ->
                cases.add(
                    op.request(
                        "path " + name + "=" + label,
                        fill(op, name, encode(value)),
                        fixtures.validBody(op.method(), op.path()),
                        name)));
  }

  private void spoilQuery(Operation op, String name) {
    BadValues.strings()
        .forEach(
            (label, value) ->
                cases.add(
                    op.request(
                        "query " + name + "=" + label,
                        fill(op, null, null) + "?" + name + "=" + encode(value),
                        fixtures.validBody(op.method(), op.path()),
                        name)));
  }

  private CorpusCase pathCase(Operation op, String label) {
    return op.request(
        label, fill(op, null, null), fixtures.validBody(op.method(), op.path()), null);
  }

  /**
   * The path with every parameter filled with a real value, but {@code spoiled} set to {@code raw}.
   */
  private String fill(Operation op, String spoiled, String raw) {
    StringBuilder path = new StringBuilder();
    for (String segment : op.path().split("/", -1)) {
      if (path.length() > 0 || !segment.isEmpty()) {
        path.append('/');
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        path.append(
            name.equals(spoiled)
                ? raw
                // A lane's name holds a slash, which the {lane: .+} template takes as it is.
                : encode(fixtures.validPathValue(op.path(), name)).replace("%2F", "/"));
      } else {
        path.append(segment);
      }
    }
    return path.toString();
  }

  private JsonObject schemaOf(Operation op) {
    JsonObject schema =
        op.operation()
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema");
    return resolve(schema);
  }

  /** The schema behind a {@code $ref}, or behind a lone {@code allOf}. */
  JsonObject resolve(JsonObject schema) {
    if (schema.containsKey("$ref")) {
      String name = schema.getString("$ref").substring("#/components/schemas/".length());
      return resolve(
          openApi.getJsonObject("components").getJsonObject("schemas").getJsonObject(name));
    }
    if (schema.containsKey("allOf") && !schema.containsKey("properties")) {
      return resolve(schema.getJsonArray("allOf").getJsonObject(0));
    }
    return schema;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Creates createsOf(String method, String path) {
    Map<String, Creates> creating =
        Map.of(
            "POST /api/chats", Creates.CHAT,
            "POST /api/chats/{id}/messages", Creates.MESSAGE,
            "POST /api/documents", Creates.DOCUMENT,
            "POST /api/documents/bulk", Creates.DOCUMENTS,
            "POST /api/batches", Creates.BATCH);
    return creating.getOrDefault(method + " " + path, Creates.NOTHING);
  }

  static String json(String text) {
    return Json.createValue(text).toString();
  }
}
