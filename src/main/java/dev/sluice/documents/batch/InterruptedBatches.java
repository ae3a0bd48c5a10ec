package dev.sluice.documents.batch;

import dev.sluice.platform.cluster.NodeEnded;
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
 * Takes over orphaned batches: running on a node that has ended (see {@link
 * BatchStore#orphanedBatches}), whose job executions died with it. Runs when this node is handed an
 * ended node's work ({@link NodeEnded}: another server of the cluster, or this server's own earlier
 * run), and once at start for batches started before nodes existed; a live node's batches are never
 * touched. Each orphan is claimed (one node wins it) and resumed here as a new execution of its job
 * (whatever the runtime says of the dead one: still running, failed, or unknown): the reader skips
 * the items already finished, so it carries on where the dead execution's last commit left it, and
 * each (document, analysis) still ends with exactly one result. The dead execution is not
 * restarted: the batch runtime may still take it for running (Liberty until its server starts
 * again, JBeret for ever: JBERET-655). An orphan someone was stopping ends stopped; one whose
 * execution the runtime saw complete, stop or be abandoned takes that end.
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
            takeOverOrphans();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "orphaned batches could not all be taken over", e);
          }
        });
  }

  /** An ended node's work is this node's to recover; a failure has it handed out again. */
  void onNodeEnded(@Observes NodeEnded ended) {
    takeOverOrphans();
  }

  /** Takes over every orphaned batch; returns how many this node took. */
  public int takeOverOrphans() {
    int taken = 0;
    for (AnalysisBatch batch : store.orphanedBatches()) {
      if (!store.claimOrphan(batch.id(), batch.ownerNode())) {
        continue; // another node took it first
      }
      taken++;
      BatchState live = runtimeState(batch);
      String outcome;
      if (live == BatchState.COMPLETED
          || live == BatchState.STOPPED
          || live == BatchState.ABANDONED) {
        store.moveTo(batch.id(), live);
        outcome = "ended " + live.name().toLowerCase();
      } else if (batch.status() == BatchState.STOPPING) {
        store.moveTo(batch.id(), BatchState.STOPPED);
        outcome = "stopped, as asked";
      } else {
        outcome = resume(batch);
      }
      LOG.info(
          () ->
              "batch "
                  + batch.id()
                  + " was left "
                  + batch.status().name().toLowerCase()
                  + " by node "
                  + batch.ownerNode()
                  + ", which has ended (execution "
                  + batch.executionId()
                  + "): "
                  + outcome);
    }
    return taken;
  }

  /**
   * Starts the claimed orphan here. If that fails it ends failed, so a user's restart can still run
   * it: claimed by a live node, it is no orphan any more and would otherwise stay started for ever.
   */
  private String resume(AnalysisBatch batch) {
    try {
      // A provider-mode batch goes on handing its requests to the provider.
      long execution = jobs.start(batch.id(), batch.mode() == BatchMode.PROVIDER);
      store.started(batch.id(), execution);
      return "resumed here as execution " + execution;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "batch " + batch.id() + " could not be resumed here", e);
      store.moveTo(batch.id(), BatchState.FAILED);
      return "failed: it could not be resumed here; a restart runs it";
    }
  }

  private BatchState runtimeState(AnalysisBatch batch) {
    try {
      return jobs.state(batch.executionId());
    } catch (NoSuchJobExecutionException e) {
      return BatchState.FAILED; // the runtime's repository lost it: it died, as a failed one did
    }
  }
}
