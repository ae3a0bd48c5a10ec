package dev.sluice.llm.simulated;

import dev.sluice.platform.config.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed simulator settings from a string lookup, naming the offending key in every error so a
 * wrong configuration value or command-line flag is easy to find.
 */
final class SettingValues {

  private final Function<String, Optional<String>> lookup;

  SettingValues(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  Duration duration(String key, Duration fallback) {
    return raw(key).map(v -> parseDuration(key, v)).orElse(fallback);
  }

  double ratio(String key) {
    Optional<String> value = raw(key);
    if (value.isEmpty()) {
      return 0;
    }
    double ratio;
    try {
      ratio = Double.parseDouble(value.get());
    } catch (NumberFormatException e) {
      throw invalid(key, value.get(), "a number between 0 and 1");
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw invalid(key, value.get(), "a number between 0 and 1");
    }
    return ratio;
  }

  int count(String key, int fallback, int minimum) {
    Optional<String> value = raw(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int count = Integer.parseInt(value.get());
      if (count >= minimum) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below with the key's name
    }
    throw invalid(key, value.get(), "a whole number of at least " + minimum);
  }

  long number(String key, long fallback) {
    Optional<String> value = raw(key);
    try {
      return value.map(Long::parseLong).orElse(fallback);
    } catch (NumberFormatException e) {
      throw invalid(key, value.get(), "a whole number");
    }
  }

  private Optional<String> raw(String key) {
    return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Accepts the configuration's duration format ({@link Durations}). */
  static Duration parseDuration(String key, String value) {
    try {
      return Durations.parse(value);
    } catch (RuntimeException e) {
      throw invalid(key, value, "a duration of at least 0 such as 500ms, 2s or plain milliseconds");
    }
  }

  static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        "simulator setting '" + key + "' is '" + value + "' but must be " + expected);
  }
}
