package dev.sluice.platform.messaging;

import dev.sluice.platform.config.Durations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes the jobs whose wake-up was lost: at start, every job in the outbox (wake-ups are not
 * persistent, so none survived the stop), and then every {@code sluice.jobs.sweep-every} the jobs
 * whose lease ran out. Work this server already holds is not woken again.
 */
@ApplicationScoped
public class JobSweeper {

  private static final Logger LOG = Logger.getLogger(JobSweeper.class.getName());
  private static final int PAGE = 1000;

  @Inject DueJobs due;
  @Inject JobOutbox outbox;
  @Inject JobWakeups wakeups;
  @Inject @Any Instance<JobKind> kinds;

  @Inject
  @ConfigProperty(name = "sluice.jobs.sweep-every", defaultValue = "10s")
  String sweepEvery;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Clock clock = Clock.systemUTC();
  private volatile ScheduledFuture<?> sweeping;

  void onStart(
      @Observes
          @jakarta.annotation.Priority(Interceptor.Priority.APPLICATION + 1000)
          @Initialized(ApplicationScoped.class)
          Object started) {
    // Every row written before this start: their leases run out within one lease from now.
    Instant cutoff = clock.instant().plus(outbox.lease());
    executor.execute(() -> sweep(cutoff));
    long every = Durations.parse(sweepEvery).toMillis();
    sweeping =
        scheduler.scheduleWithFixedDelay(
            () -> sweep(clock.instant()), every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> task = sweeping;
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Wakes every job whose lease runs out before {@code cutoff}; returns how many it woke. */
  public int sweep(Instant cutoff) {
    // A periodic task that throws is never run again: a database outage must not end the sweeps.
    try {
      Map<String, JobKind> byName = new HashMap<>();
      kinds.forEach(k -> byName.put(k.name(), k));
      Instant now = clock.instant();
      Instant nextWake = (cutoff.isAfter(now) ? cutoff : now).plus(outbox.lease());
      int woken = 0;
      List<DueJob> page;
      do {
        page = due.take(cutoff, nextWake, PAGE);
        woken += wake(page, byName);
      } while (page.size() == PAGE);
      if (woken > 0) {
        LOG.info(woken + " job(s) whose wake-up was lost were woken again");
      }
      return woken;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the job outbox could not be swept; trying at the next sweep", e);
      return 0;
    }
  }

  private int wake(List<DueJob> page, Map<String, JobKind> byName) {
    int woken = 0;
    for (DueJob job : page) {
      JobKind kind = byName.get(job.kind());
      if (kind == null) {
        LOG.warning("job outbox row of unknown kind '" + job.kind() + "' (" + job.workId() + ")");
      } else if (!kind.inHand(job.workId())) {
        wakeups.send(new JobWakeup(kind, job.workId(), job.jmsPriority()));
        woken++;
      }
    }
    return woken;
  }
}
