package dev.sluice.it.corpus;

import dev.sluice.it.Server;
import dev.sluice.it.corpus.CorpusCase.Creates;
import dev.sluice.it.corpus.CorpusCase.Who;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written cases in {@code bad-input/hand-cases.jsonl}: one JSON object a line, for what
 * generation cannot reach (broken credentials and forms, encoded slashes, huge query strings and
 * headers, raw request lines). {@code {{repeat:TEXT:N}}} stands for TEXT N times, and {@code
 * {{chat}}}, {@code {{document}}}, {@code {{batch}}} and {@code {{host}}} for the fixtures.
 */
final class HandCases {

  private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.*?):(\\d+)}}");

  /** A hand case: sent through the client, or as {@code raw} bytes when it has them. */
  record Hand(CorpusCase request, String raw) {}

  private HandCases() {}

  static List<Hand> load(Fixtures fixtures, String host) {
    List<Hand> cases = new ArrayList<>();
    try (InputStream in = HandCases.class.getResourceAsStream("/bad-input/hand-cases.jsonl")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          cases.add(parse(Json.createReader(new StringReader(line)).readObject(), fixtures, host));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return cases;
  }

  private static Hand parse(JsonObject line, Fixtures fixtures, String host) {
    Map<String, String> headers = new LinkedHashMap<>();
    JsonObject given = line.getJsonObject("headers");
    if (given != null) {
      given.forEach((k, v) -> headers.put(k, expand(((JsonString) v).getString(), fixtures, host)));
    }
    String body = line.getString("body", null);
    CorpusCase request =
        new CorpusCase(
            "hand: " + line.getString("name"),
            Who.valueOf(line.getString("who", "demo").toUpperCase(Locale.ROOT)),
            line.getString("method", "GET"),
            expand(line.getString("target", "/"), fixtures, host),
            headers,
            body == null ? null : expand(body, fixtures, host).getBytes(StandardCharsets.UTF_8),
            line.getString("field", null),
            line.getBoolean("refuse", true),
            Creates.valueOf(line.getString("creates", "nothing").toUpperCase(Locale.ROOT)),
            answeredByTheServer(line));
    String raw = line.getString("raw", null);
    return new Hand(request, raw == null ? null : expand(raw, fixtures, host));
  }

  /**
   * {@code "container": true}: the server's HTTP layer may answer before any application, on every
   * server; {@code "container": "wildfly"}: on that server only (Undertow refuses some requests
   * Liberty hands to Sluice).
   */
  private static boolean answeredByTheServer(JsonObject line) {
    JsonValue container = line.get("container");
    if (container == null) {
      return false;
    }
    return container.getValueType() == JsonValue.ValueType.TRUE
        || container.getValueType() == JsonValue.ValueType.STRING
            && ((JsonString) container).getString().equalsIgnoreCase(Server.current().name());
  }

  static String expand(String text, Fixtures fixtures, String host) {
    Matcher repeat = REPEAT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (repeat.find()) {
      repeat.appendReplacement(
          out, Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
    }
    repeat.appendTail(out);
    return out.toString()
        .replace("{{chat}}", fixtures.chatId())
        .replace("{{document}}", fixtures.documentId())
        .replace("{{batch}}", fixtures.batchId())
        .replace("{{host}}", host);
  }
}
