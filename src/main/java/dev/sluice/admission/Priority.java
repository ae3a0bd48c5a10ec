package dev.sluice.admission;

import java.util.Locale;

/**
 * How urgently a call wants a slot. When a lane is saturated, waiting calls are admitted highest
 * priority first, first come first served within a priority; waiting ages a call upwards so {@link
 * #BATCH} never starves.
 */
public enum Priority {
  URGENT,
  HIGH,
  NORMAL,
  LOW,
  BATCH;

  /** The JMS priority (0 to 9, 9 first) a job of this priority is sent with. */
  public int jmsPriority() {
    return switch (this) {
      case URGENT -> 9;
      case HIGH -> 7;
      case NORMAL -> 5;
      case LOW -> 3;
      case BATCH -> 1;
    };
  }

  /** 0 for the most urgent; larger is less urgent. */
  public int rank() {
    return ordinal();
  }

  /**
   * Parses {@code urgent}, {@code HIGH}, ... ; throws {@link IllegalArgumentException} otherwise.
   */
  public static Priority parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "unknown priority '" + value + "' (urgent, high, normal, low or batch)", e);
    }
  }
}
