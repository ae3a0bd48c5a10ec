package dev.sluice.admission.rest;

import dev.sluice.admission.LaneLimit;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a lane change from its JSON text, telling an absent field (left as it is) from a null one
 * (back to configuration), and names every field that is wrong in one 400. The text is read as
 * strictly as every other JSON body ({@link StrictJson}): one object, nothing after it.
 */
final class LaneChangeReader {

  private static final String FIELDS =
      String.join(", ", Arrays.stream(LaneLimit.values()).map(LaneLimit::field).toList());

  private LaneChangeReader() {}

  /** The changes, each limit to its new value or to null; at least one. */
  static Map<LaneLimit, Long> read(String body) {
    JsonObject object = object(body);
    Map<LaneLimit, Long> changes = new EnumMap<>(LaneLimit.class);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      LaneLimit limit = limit(field.getKey());
      if (limit == null) {
        errors.add(new Problem.FieldError(field.getKey(), "unknown field; expected " + FIELDS));
        continue;
      }
      String error = value(limit, field.getValue(), changes);
      if (error != null) {
        errors.add(new Problem.FieldError(limit.field(), error));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    if (changes.isEmpty()) {
      throw ProblemException.invalidField(400, "body", "name at least one of " + FIELDS);
    }
    return changes;
  }

  private static JsonObject object(String body) {
    JsonValue value = body == null ? null : StrictJson.parse(body, "");
    if (value == null) {
      throw ProblemException.invalidField(400, "body", "a JSON object with any of " + FIELDS);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ProblemException.invalidField(
          400, "body", "not a JSON object; expected one with any of " + FIELDS);
    }
    return value.asJsonObject();
  }

  /** Puts the field's value into {@code changes}; returns what is wrong with it, or null. */
  private static String value(LaneLimit limit, JsonValue value, Map<LaneLimit, Long> changes) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      changes.put(limit, null);
      return null;
    }
    String range = "a whole number from " + limit.min() + " to " + limit.max();
    if (!(value instanceof JsonNumber number) || !isWhole(number.bigDecimalValue())) {
      return "must be " + range;
    }
    BigDecimal decimal = number.bigDecimalValue();
    if (decimal.compareTo(BigDecimal.valueOf(limit.min())) < 0
        || decimal.compareTo(BigDecimal.valueOf(limit.max())) > 0) {
      return "must be " + range + ", was " + decimal.toPlainString();
    }
    changes.put(limit, decimal.longValueExact());
    return null;
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  private static LaneLimit limit(String field) {
    for (LaneLimit limit : LaneLimit.values()) {
      if (limit.field().equals(field)) {
        return limit;
      }
    }
    return null;
  }
}
