package dev.sluice.documents.batch;

import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, ends the batches an earlier run of this server left running: their job executions died
 * with it. Liberty's batch runtime marks such executions failed when it starts. JBeret (WildFly)
 * leaves them started for ever (JBERET-655), so a batch killed mid-run there would stay "started"
 * and refuse a restart. Each such batch moves to failed; a restart then resumes it from its
 * checkpoints (JBeret, finding the execution not loaded in this JVM, marks it failed and restarts
 * it). This holds for one server: every execution running before this run started was this
 * server's. A cluster needs to know which server ran an execution.
 */
@ApplicationScoped
public class InterruptedBatches {

  private static final Logger LOG = Logger.getLogger(InterruptedBatches.class.getName());

  @Inject BatchStore store;
  @Inject JobControl jobs;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.execute(
        () -> {
          try {
            endLeftRunning();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batches left running could not all be ended", e);
          }
        });
  }

  /** Ends every batch an earlier run left running; returns how many. */
  public int endLeftRunning() {
    int ended = 0;
    for (AnalysisBatch batch : store.runningBatches()) {
      BatchState live = runtimeState(batch);
      BatchState end = live.isFinal() ? live : BatchState.FAILED;
      store.moveTo(batch.id(), end);
      ended++;
      LOG.info(
          () ->
              "batch "
                  + batch.id()
                  + " was left "
                  + batch.status().name().toLowerCase()
                  + " by an earlier run (execution "
                  + batch.executionId()
                  + " "
                  + live.name().toLowerCase()
                  + "): now "
                  + end.name().toLowerCase()
                  + "; a restart resumes it from its checkpoints");
    }
    return ended;
  }

  private BatchState runtimeState(AnalysisBatch batch) {
    try {
      return jobs.state(batch.executionId());
    } catch (NoSuchJobExecutionException e) {
      return BatchState.FAILED; // the runtime's repository lost it: it runs nowhere
    }
  }
}
