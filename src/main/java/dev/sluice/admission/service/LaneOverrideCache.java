package dev.sluice.admission.service;

import dev.sluice.admission.LaneOverride;
import dev.sluice.admission.LaneSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's copy of the lane overrides, so that creating a lane never waits for the database
 * more than once. Read from the repository on first use, then kept current by this server's changes
 * and by {@link LaneSettingsService}'s periodic refresh (changes made on other servers).
 */
@ApplicationScoped
public class LaneOverrideCache {

  private static final Logger LOG = Logger.getLogger(LaneOverrideCache.class.getName());

  @Inject LaneOverrideRepository repository;

  private final Map<String, LaneOverride> overrides = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  /** The configured settings with the lane's override, if any, on top. */
  public LaneSettings applyTo(LaneSettings configured) {
    return find(configured.name()).map(o -> o.applyTo(configured)).orElse(configured);
  }

  public Optional<LaneOverride> find(String lane) {
    loadOnce();
    return Optional.ofNullable(overrides.get(lane));
  }

  /** Replaces the whole copy with the repository's rows; returns the copy as it was before. */
  Map<String, LaneOverride> replaceAll(List<LaneOverride> rows) {
    synchronized (this) {
      Map<String, LaneOverride> before = Map.copyOf(overrides);
      overrides.clear();
      rows.forEach(o -> overrides.put(o.lane(), o));
      loaded = true;
      return before;
    }
  }

  /** Records this server's own change at once (null: the lane is back to configuration). */
  void put(String lane, LaneOverride override) {
    synchronized (this) {
      if (override == null) {
        overrides.remove(lane);
      } else {
        overrides.put(lane, override);
      }
    }
  }

  private void loadOnce() {
    if (loaded) {
      return;
    }
    synchronized (this) {
      if (loaded) {
        return;
      }
      try {
        repository.all().forEach(o -> overrides.putIfAbsent(o.lane(), o));
        loaded = true;
      } catch (RuntimeException e) {
        // Configured settings until the next refresh reads the table: better than no lane at all.
        LOG.log(Level.WARNING, "lane overrides could not be read; using configuration for now", e);
      }
    }
  }
}
