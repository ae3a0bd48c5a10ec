package dev.sluice.it.corpus;

import dev.sluice.it.corpus.CorpusCase.Who;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One operation of the OpenAPI document, and how a case of it is made: whose credentials it needs
 * and which body type it sends.
 *
 * @param key the operation's lower-case method in {@code item}, or {@code null} for a method the
 *     path does not take
 */
record Operation(String path, String method, JsonObject item, String key) {

  JsonObject operation() {
    return key == null ? JsonValue.EMPTY_JSON_OBJECT : item.getJsonObject(key);
  }

  JsonArray parameters() {
    return operation().getJsonArray("parameters") == null
        ? JsonValue.EMPTY_JSON_ARRAY
        : operation().getJsonArray("parameters");
  }

  /** As web.xml has it: the console's API, and any method but a read under the gate's state. */
  Who who() {
    boolean admin =
        path.startsWith("/api/admin/")
            || (path.startsWith("/api/admission") && !method.equals("GET"));
    return admin ? Who.ADMIN : Who.DEMO;
  }

  CorpusCase request(String label, String target, String body, String field) {
    return request(label, target, "application/json", body, field);
  }

  CorpusCase request(String label, String target, String contentType, String body, String field) {
    Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", contentType);
    return new CorpusCase(
        (method + " " + path + " " + label).trim(),
        who(),
        method,
        target,
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        field,
        false,
        OpenApiCases.createsOf(method, path),
        false);
  }
}
