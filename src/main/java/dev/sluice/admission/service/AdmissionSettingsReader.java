package dev.sluice.admission.service;

import dev.sluice.admission.BreakerSettings;
import dev.sluice.admission.FallbackChain;
import dev.sluice.admission.LaneSettings;
import dev.sluice.admission.RetryPolicy;
import dev.sluice.platform.config.ConfigView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the gate's settings: {@code sluice.admission.lanes.<lane>.<key>} falling back to {@code
 * sluice.admission.default.<key>}, {@code sluice.admission.retry.*}, {@code
 * sluice.admission.breaker.*} and {@code sluice.admission.fallbacks.<model>}.
 */
public final class AdmissionSettingsReader {

  static final String PREFIX = "sluice.admission.";
  private static final String FALLBACKS = PREFIX + "fallbacks.";

  private final ConfigView config;

  public AdmissionSettingsReader(ConfigView config) {
    this.config = config;
  }

  public LaneSettings lane(String name) {
    return new LaneSettings(
        name,
        config.getInt(key(name, "max-in-flight"), 16),
        config.getInt(key(name, "requests-per-minute"), 600),
        config.getLong(key(name, "tokens-per-minute"), 2_000_000),
        config.getInt(key(name, "max-queued"), 10_000),
        config.getDuration(key(name, "period"), Duration.ofMinutes(1)),
        config.getDouble(key(name, "burst-fraction"), 0.02),
        config.getDuration(key(name, "aging-step"), Duration.ofSeconds(10)));
  }

  public RetryPolicy retry() {
    String p = PREFIX + "retry.";
    return new RetryPolicy(
        config.getInt(p + "max-attempts", 4),
        config.getDuration(p + "base-delay", Duration.ofMillis(500)),
        config.getDouble(p + "factor", 2),
        config.getDuration(p + "max-delay", Duration.ofSeconds(30)),
        config.getDouble(p + "jitter", 0.2),
        config.getDuration(p + "deadline", Duration.ofMinutes(2)));
  }

  public BreakerSettings breaker() {
    String p = PREFIX + "breaker.";
    return new BreakerSettings(
        (float) config.getDouble(p + "failure-rate-threshold", 50),
        config.getDuration(p + "window", Duration.ofSeconds(60)),
        config.getInt(p + "minimum-calls", 10),
        config.getDuration(p + "open-duration", Duration.ofSeconds(30)),
        config.getInt(p + "half-open-probes", 3));
  }

  public FallbackChain fallbacks() {
    Map<String, List<String>> chains = new LinkedHashMap<>();
    for (String key : config.names().get()) {
      if (key.startsWith(FALLBACKS) && key.length() > FALLBACKS.length()) {
        chains.put(key.substring(FALLBACKS.length()), config.getList(key));
      }
    }
    return new FallbackChain(chains);
  }

  private String key(String lane, String setting) {
    String specific = PREFIX + "lanes." + lane + "." + setting;
    return config.get(specific).isPresent() ? specific : PREFIX + "default." + setting;
  }
}
