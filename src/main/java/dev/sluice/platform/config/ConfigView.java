package dev.sluice.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * A read-only view of configuration: a lookup and the known property names. Lets the readers run on
 * MicroProfile Config in the server and on a plain map in unit tests.
 */
public record ConfigView(Function<String, Optional<String>> lookup, Supplier<List<String>> names) {

  public static ConfigView of(Config config) {
    return new ConfigView(
        key -> config.getOptionalValue(key, String.class),
        () -> StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList());
  }

  public static ConfigView of(Map<String, String> values) {
    return new ConfigView(
        key -> Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank()),
        () -> List.copyOf(values.keySet()));
  }

  public Optional<String> get(String key) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public int getInt(String key, int fallback) {
    return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
  }

  public long getLong(String key, long fallback) {
    return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
  }

  public double getDouble(String key, double fallback) {
    return get(key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return get(key).map(Boolean::parseBoolean).orElse(fallback);
  }

  /** A duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or plain millis. */
  public Duration getDuration(String key, Duration fallback) {
    return get(key).map(v -> parseDuration(key, v)).orElse(fallback);
  }

  public List<String> getList(String key) {
    return get(key).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of()).stream()
        .filter(s -> !s.isBlank())
        .toList();
  }

  static Duration parseDuration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ": not a duration: " + value, e);
    }
  }

  private static <T> T parse(String key, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ": invalid value: " + value, e);
    }
  }
}
