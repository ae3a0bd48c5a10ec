package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Records every provider call through the gate: the row is made and queued on the thread that ended
 * the call (cheap, never waiting for the database), and written in batches by a task on the managed
 * scheduler every {@code sluice.generations.flush-every} (1 s by default).
 */
@ApplicationScoped
public class GenerationRecorder {

  private static final Logger LOG = Logger.getLogger(GenerationRecorder.class.getName());
  private static final int ROWS_PER_TRANSACTION = 500;

  @Inject Config config;
  @Inject ProviderRuntime runtime;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  private final LiveSeries series = new LiveSeries();
  private final GenerationWriter writer = new GenerationWriter();
  private final ReentrantLock flushing = new ReentrantLock();
  private volatile GenerationBuffer buffer;
  private volatile TextPolicy text;
  private volatile ScheduledFuture<?> flushTask;
  private volatile long droppedReported;

  /** Starts the flush task with the application, before the first call ends. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ensureStarted();
  }

  void onCallEnded(@Observes ProviderCallEnded call) {
    ensureStarted();
    Generation row = GenerationFactory.of(UUID.randomUUID().toString(), call, text);
    series.record(row.endedAt(), row.totalMs(), row.failed());
    buffer.offer(row);
  }

  /** The last hour of calls on this server. */
  public LiveSeries series() {
    return series;
  }

  /** Rows queued and not yet written. */
  public int pending() {
    return buffer == null ? 0 : buffer.size();
  }

  /**
   * Writes every queued row now; returns false if the database refused them (they stay queued). The
   * scheduled task calls it; so do tests and shutdown.
   */
  public boolean flush() {
    if (buffer == null) {
      return true;
    }
    flushing.lock();
    try {
      for (List<Generation> rows = buffer.drain(ROWS_PER_TRANSACTION);
          !rows.isEmpty();
          rows = buffer.drain(ROWS_PER_TRANSACTION)) {
        if (!write(rows)) {
          return false;
        }
      }
      reportDropped();
      return true;
    } finally {
      flushing.unlock();
    }
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> task = flushTask;
    if (task != null) {
      task.cancel(false);
    }
    flush();
  }

  private boolean write(List<Generation> rows) {
    try (Connection connection = dataSource.getConnection()) {
      writer.write(connection, rows);
      return true;
    } catch (SQLException | RuntimeException e) {
      buffer.putBack(rows);
      LOG.log(
          Level.WARNING, "could not record " + rows.size() + " provider calls; will try again", e);
      return false;
    }
  }

  private void reportDropped() {
    long dropped = buffer.dropped();
    if (dropped > droppedReported) {
      LOG.warning(
          (dropped - droppedReported)
              + " provider call records were dropped: the database fell a whole buffer behind"
              + " (sluice.generations.buffer-size)");
      droppedReported = dropped;
    }
  }

  private synchronized void ensureStarted() {
    if (buffer != null) {
      return;
    }
    ConfigView view = ConfigView.of(config);
    text = new TextPolicy(kept(view), view.getInt("sluice.generations.max-text-chars", 100_000));
    buffer = new GenerationBuffer(view.getInt("sluice.generations.buffer-size", 50_000));
    long every =
        view.getDuration("sluice.generations.flush-every", Duration.ofSeconds(1)).toMillis();
    flushTask =
        runtime
            .scheduler()
            .scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again.
      LOG.log(Level.WARNING, "recording provider calls failed", e);
    }
  }

  private static Set<CallOrigin.Source> kept(ConfigView view) {
    Set<CallOrigin.Source> keep = EnumSet.noneOf(CallOrigin.Source.class);
    for (CallOrigin.Source source : CallOrigin.Source.values()) {
      String key =
          "sluice.generations.persist-text." + source.name().toLowerCase(java.util.Locale.ROOT);
      if (view.getBoolean(key, source == CallOrigin.Source.CHAT)) {
        keep.add(source);
      }
    }
    return keep;
  }
}
