package dev.sluice.admission.service;

import dev.sluice.admission.LaneLimit;
import dev.sluice.admission.LaneOverride;
import dev.sluice.admission.LaneSnapshot;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Operators' run-time lane settings: an override is stored (shared by every server), copied into
 * this server's cache and applied to the live lane at once. Every {@code
 * sluice.admission.settings-refresh} the table is read again and every live lane re-applies its
 * settings, which brings in changes made on other servers.
 */
@ApplicationScoped
public class LaneSettingsService {

  static final String REFRESH_KEY = "sluice.admission.settings-refresh";
  private static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);
  private static final Logger LOG = Logger.getLogger(LaneSettingsService.class.getName());

  @Inject AdmissionGate gate;
  @Inject LaneOverrideRepository repository;
  @Inject LaneOverrideCache cache;
  @Inject ProviderRuntime runtime;
  @Inject Config config;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private volatile ScheduledFuture<?> refreshing;

  void startRefreshing(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long every = ConfigView.of(config).getDuration(REFRESH_KEY, DEFAULT_REFRESH).toMillis();
    refreshing =
        scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stopRefreshing() {
    ScheduledFuture<?> task = refreshing;
    if (task != null) {
      task.cancel(false);
    }
  }

  /**
   * Changes the lane's override: a value sets a limit, a null value puts it back to configuration.
   * Stored, then applied to the live lane at once. Returns the override left, if any.
   */
  public Optional<LaneOverride> change(String lane, Map<LaneLimit, Long> changes, String by) {
    LaneOverride current = repository.find(lane).orElse(null);
    LaneOverride next = LaneOverride.merge(current, lane, changes, runtime.clock().instant(), by);
    if (next == null) {
      repository.delete(lane);
    } else {
      repository.save(next);
    }
    cache.put(lane, next);
    apply(lane);
    String what =
        next == null ? "back to its configured settings" : "overridden: " + next.describe();
    LOG.info(() -> "lane " + lane + " " + what + ", by " + by);
    return Optional.ofNullable(next);
  }

  /** Removes the lane's override: its configured settings apply again, at once. */
  public void restore(String lane, String by) {
    boolean had = repository.delete(lane);
    cache.put(lane, null);
    apply(lane);
    if (had) {
      LOG.info(() -> "lane " + lane + " back to its configured settings, by " + by);
    }
  }

  /** The lane's override as this server knows it. */
  public Optional<LaneOverride> override(String lane) {
    return cache.find(lane);
  }

  /**
   * Reads every override again and re-applies every live lane's settings. Re-applying unchanged
   * settings changes nothing; doing it for every lane also heals a lane created while its override
   * was being changed.
   */
  void refresh() {
    // A periodic task that throws is never run again: a database outage must not end the refresh.
    try {
      List<LaneOverride> rows = repository.all();
      Map<String, LaneOverride> before = cache.replaceAll(rows);
      for (LaneOverride row : rows) {
        if (!row.sameLimits(before.get(row.lane()))) {
          LOG.info(() -> "lane " + row.lane() + " overridden: " + row.describe() + " (read)");
        }
      }
      gate.lanes().stream().map(LaneSnapshot::name).forEach(this::apply);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "lane overrides could not be refreshed; trying again later", e);
    }
  }

  private void apply(String lane) {
    gate.existingLane(lane).ifPresent(l -> l.reconfigure(gate.nodeSettings(lane)));
  }
}
