package dev.sluice.platform.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON types a Java scalar is taken from, and nothing else: JSON-B would turn {@code 1} into
 * {@code "1"} for a String and {@code "4"} or {@code 1.5} into an int; here each is refused.
 */
final class JsonScalars {

  /** The integral types and their ranges. */
  private static final Map<Class<?>, long[]> INTEGRAL =
      Map.of(
          int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
          Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
          short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
          Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

  // Longer than any integer in range, however written ("1.000e2"): refused before BigDecimal works
  // on what could be a megabyte of digits.
  private static final int MAX_NUMBER_CHARS = 100;

  private JsonScalars() {}

  static Class<?> raw(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return type instanceof Class<?> c ? c : Object.class;
  }

  static boolean supports(Class<?> type) {
    return type == String.class
        || INTEGRAL.containsKey(type)
        || isDecimal(type)
        || type == boolean.class
        || type == Boolean.class
        || type.isEnum();
  }

  /** What is wrong with taking {@code value} for {@code type}, or null when nothing is. */
  static String mismatch(JsonValue value, Class<?> type) {
    if (type == String.class) {
      return value instanceof JsonString ? null : "must be a string";
    }
    if (INTEGRAL.containsKey(type)) {
      return integralMismatch(value, INTEGRAL.get(type));
    }
    if (isDecimal(type)) {
      return value instanceof JsonNumber number && isFinite(number, type)
          ? null
          : "must be a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      JsonValue.ValueType kind = value.getValueType();
      boolean truth = kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE;
      return truth ? null : "must be true or false";
    }
    return value instanceof JsonString name && constant(type, name.getString()) != null
        ? null
        : "must be one of " + constants(type);
  }

  /** The Java value of a value {@link #mismatch} found nothing wrong with. */
  static Object of(JsonValue value, Class<?> type) {
    if (value instanceof JsonString text) {
      return type == String.class ? text.getString() : constant(type, text.getString());
    }
    if (value instanceof JsonNumber number) {
      return number(number.bigDecimalValue(), type);
    }
    return value.getValueType() == JsonValue.ValueType.TRUE;
  }

  private static Object number(BigDecimal decimal, Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return decimal.intValueExact();
    }
    if (type == long.class || type == Long.class) {
      return decimal.longValueExact();
    }
    if (type == short.class || type == Short.class) {
      return decimal.shortValueExact();
    }
    return type == float.class || type == Float.class
        ? decimal.floatValue()
        : decimal.doubleValue();
  }

  private static String integralMismatch(JsonValue value, long[] range) {
    String wanted = "must be an integer";
    if (!(value instanceof JsonNumber number) || number.toString().length() > MAX_NUMBER_CHARS) {
      return wanted;
    }
    BigDecimal decimal = decimal(number);
    if (decimal == null || (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0)) {
      return wanted;
    }
    if (decimal.compareTo(BigDecimal.valueOf(range[0])) < 0
        || decimal.compareTo(BigDecimal.valueOf(range[1])) > 0) {
      return wanted + " from " + range[0] + " to " + range[1];
    }
    return null;
  }

  /** The number, or null when its exponent is beyond what BigDecimal holds. */
  private static BigDecimal decimal(JsonNumber number) {
    try {
      return number.bigDecimalValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static boolean isDecimal(Class<?> type) {
    return type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class;
  }

  private static boolean isFinite(JsonNumber number, Class<?> type) {
    BigDecimal decimal = number.toString().length() > MAX_NUMBER_CHARS ? null : decimal(number);
    if (decimal == null) {
      return false;
    }
    boolean single = type == float.class || type == Float.class;
    return Double.isFinite(single ? decimal.floatValue() : decimal.doubleValue());
  }

  private static Object constant(Class<?> type, String name) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    return null;
  }

  private static String constants(Class<?> type) {
    return String.join(
        ", ", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
  }
}
