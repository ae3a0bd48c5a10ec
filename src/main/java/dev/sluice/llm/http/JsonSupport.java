package dev.sluice.llm.http;

import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;

/**
 * JSON-P helpers for wire adapters: one cached provider (looking it up per call is a service-loader
 * scan) and null-safe field readers for the loosely typed JSON providers send.
 */
public final class JsonSupport {

  private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

  private JsonSupport() {}

  public static JsonObjectBuilder object() {
    return JsonFactories.PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return JsonFactories.PROVIDER.createArrayBuilder();
  }

  /**
   * Parses a JSON object.
   *
   * @throws jakarta.json.JsonException or {@link ClassCastException} when the text is not one
   */
  public static JsonObject parseObject(String text) {
    try (JsonReader reader = JsonFactories.PROVIDER.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  public static String write(JsonObject value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = JsonFactories.PROVIDER.createWriter(out)) {
      writer.writeObject(value);
    }
    return out.toString();
  }

  /** The member as a string, or null when absent, null or not a string. */
  public static String string(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  /**
   * The member as a non-negative long, or 0 when absent or not a number; a count beyond a long is
   * Long.MAX_VALUE, where {@link JsonNumber#longValue()} would keep only its low 64 bits.
   */
  public static long count(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    BigDecimal count = value instanceof JsonNumber n ? n.bigDecimalValue() : BigDecimal.ZERO;
    return count.signum() <= 0 ? 0 : count.min(LONGEST).longValue();
  }

  /** The member as an object, or null. */
  public static JsonObject child(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    return value instanceof JsonObject o ? o : null;
  }

  /** The first element of an array member if it is an object, or null. */
  public static JsonObject firstOf(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    if (value instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject first) {
      return first;
    }
    return null;
  }
}
