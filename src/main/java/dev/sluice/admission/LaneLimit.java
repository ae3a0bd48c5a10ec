package dev.sluice.admission;

/**
 * The four limits of a lane an operator may override at run time, with the name the API and the
 * database use for each and the values it accepts.
 */
public enum LaneLimit {
  MAX_IN_FLIGHT("maxInFlight", 1, Integer.MAX_VALUE),
  REQUESTS_PER_MINUTE("requestsPerMinute", 1, LaneLimit.LARGEST_BUDGET),
  TOKENS_PER_MINUTE("tokensPerMinute", 1, LaneLimit.LARGEST_BUDGET),
  MAX_QUEUED("maxQueued", 0, Integer.MAX_VALUE);

  /** A trillion per period: far beyond any provider's limit, and safe in Bucket4j's arithmetic. */
  public static final long LARGEST_BUDGET = 1_000_000_000_000L;

  private final String field;
  private final long min;
  private final long max;

  LaneLimit(String field, long min, long max) {
    this.field = field;
    this.min = min;
    this.max = max;
  }

  /** The JSON field's name. */
  public String field() {
    return field;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  /** Whether the value is one this limit accepts. */
  public boolean accepts(long value) {
    return value >= min && value <= max;
  }

  /** The limit's value in the settings. */
  public long of(LaneSettings settings) {
    return switch (this) {
      case MAX_IN_FLIGHT -> settings.maxInFlight();
      case REQUESTS_PER_MINUTE -> settings.requestsPerMinute();
      case TOKENS_PER_MINUTE -> settings.tokensPerMinute();
      case MAX_QUEUED -> settings.maxQueued();
    };
  }

  /** The settings with this limit set to {@code value} (which it must accept). */
  LaneSettings applyTo(LaneSettings s, long value) {
    if (!accepts(value)) {
      throw new IllegalArgumentException(
          field + " must be within [" + min + ", " + max + "], was " + value);
    }
    return switch (this) {
      case MAX_IN_FLIGHT ->
          new LaneSettings(
              s.name(),
              (int) value,
              s.requestsPerMinute(),
              s.tokensPerMinute(),
              s.maxQueued(),
              s.period(),
              s.burstFraction(),
              s.agingStep());
      case REQUESTS_PER_MINUTE ->
          new LaneSettings(
              s.name(),
              s.maxInFlight(),
              value,
              s.tokensPerMinute(),
              s.maxQueued(),
              s.period(),
              s.burstFraction(),
              s.agingStep());
      case TOKENS_PER_MINUTE ->
          new LaneSettings(
              s.name(),
              s.maxInFlight(),
              s.requestsPerMinute(),
              value,
              s.maxQueued(),
              s.period(),
              s.burstFraction(),
              s.agingStep());
      case MAX_QUEUED ->
          new LaneSettings(
              s.name(),
              s.maxInFlight(),
              s.requestsPerMinute(),
              s.tokensPerMinute(),
              (int) value,
              s.period(),
              s.burstFraction(),
              s.agingStep());
    };
  }
}
