package dev.sluice.admission;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's run-time override of some of a lane's limits; the limits it does not name keep
 * their configured values.
 *
 * @param lane the lane's name
 * @param values the overridden limits (at least one; never null values)
 * @param updatedAt when it was last changed
 * @param updatedBy who changed it last
 */
public record LaneOverride(
    String lane, Map<LaneLimit, Long> values, Instant updatedAt, String updatedBy) {

  public LaneOverride {
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(updatedBy, "updatedBy");
    EnumMap<LaneLimit, Long> copy = new EnumMap<>(LaneLimit.class);
    values.forEach(
        (limit, value) -> {
          if (!limit.accepts(Objects.requireNonNull(value, limit.field()))) {
            throw new IllegalArgumentException(
                limit.field() + " must be within [" + limit.min() + ", " + limit.max() + "]");
          }
          copy.put(limit, value);
        });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("an override of lane '" + lane + "' must set a limit");
    }
    values = Collections.unmodifiableMap(copy);
  }

  /** The overridden value, or null when the limit keeps its configured value. */
  public Long get(LaneLimit limit) {
    return values.get(limit);
  }

  /** The configured settings with the overridden limits in their place. */
  public LaneSettings applyTo(LaneSettings configured) {
    LaneSettings settings = configured;
    for (Map.Entry<LaneLimit, Long> entry : values.entrySet()) {
      settings = entry.getKey().applyTo(settings, entry.getValue());
    }
    return settings;
  }

  /**
   * Applies changes to an override, or to none ({@code current} null): a value sets a limit, a null
   * value puts it back to its configured value. Null when no limit is left overridden.
   */
  public static LaneOverride merge(
      LaneOverride current, String lane, Map<LaneLimit, Long> changes, Instant at, String by) {
    EnumMap<LaneLimit, Long> values = new EnumMap<>(LaneLimit.class);
    if (current != null) {
      values.putAll(current.values());
    }
    changes.forEach(
        (limit, value) -> {
          if (value == null) {
            values.remove(limit);
          } else {
            values.put(limit, value);
          }
        });
    return values.isEmpty() ? null : new LaneOverride(lane, values, at, by);
  }

  /** The overridden limits as the API names them, e.g. "maxInFlight=2, maxQueued=0". */
  public String describe() {
    StringBuilder text = new StringBuilder();
    values.forEach(
        (limit, value) ->
            text.append(text.isEmpty() ? "" : ", ")
                .append(limit.field())
                .append('=')
                .append(value));
    return text.toString();
  }

  /** Whether both set the same limits to the same values, whoever changed them when. */
  public boolean sameLimits(LaneOverride other) {
    return other != null && values.equals(other.values());
  }
}
