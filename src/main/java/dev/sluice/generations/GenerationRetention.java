package dev.sluice.generations;

import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Deletes generation records older than {@code sluice.generations.retention} (90 days by default; 0
 * keeps them forever), every {@code sluice.generations.purge-every}. Batches are never touched, and
 * the records of a batch still in the database that has not ended before the cut-off are kept: its
 * console page still shows them. Deletes go in slices so no transaction holds many locks; the daily
 * totals stay, so costs outlive the records.
 */
@ApplicationScoped
public class GenerationRetention {

  private static final Logger LOG = Logger.getLogger(GenerationRetention.class.getName());

  @Inject Config config;
  @Inject ProviderRuntime runtime;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  /**
   * How often the task looks whether a purge is due. The server's scheduler keeps a cancelled task
   * queued until its time comes, and a queued task of this application keeps all its classes in
   * memory after an undeploy (seen on WildFly: an hourly task kept each redeployed copy, until the
   * heap ran out). So the task is short, and purges only every {@code purge-every}.
   */
  private static final Duration TICK = Duration.ofMinutes(1);

  private volatile ScheduledFuture<?> task;
  private volatile Instant nextPurge;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ConfigView view = ConfigView.of(config);
    Duration every = view.getDuration("sluice.generations.purge-every", Duration.ofHours(1));
    if (retention().isZero() || every.isZero()) {
      return;
    }
    nextPurge = runtime.clock().instant().plus(every);
    long tick = Math.min(TICK.toMillis(), every.toMillis());
    task =
        runtime
            .scheduler()
            .scheduleWithFixedDelay(() -> purgeWhenDue(every), tick, tick, TimeUnit.MILLISECONDS);
  }

  private void purgeWhenDue(Duration every) {
    Instant now = runtime.clock().instant();
    if (!now.isBefore(nextPurge)) {
      nextPurge = now.plus(every);
      purgeQuietly();
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Purges records started before {@code cutoff}; returns how many were deleted. */
  public long purgeBefore(Instant cutoff) throws SQLException {
    int slice = ConfigView.of(config).getInt("sluice.generations.purge-slice", 5_000);
    return new GenerationPurge(dataSource, slice).purgeBefore(cutoff);
  }

  /** The configured retention (zero: keep for ever). */
  public Duration retention() {
    return ConfigView.of(config).getDuration("sluice.generations.retention", Duration.ofDays(90));
  }

  private void purgeQuietly() {
    try {
      long deleted = purgeBefore(runtime.clock().instant().minus(retention()));
      if (deleted > 0) {
        LOG.info("purged " + deleted + " generation records older than " + retention());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "purging old generation records failed; will try again", e);
    }
  }
}
