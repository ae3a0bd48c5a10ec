package dev.sluice.documents.jobs;

import dev.sluice.documents.batch.BatchItem;
import dev.sluice.documents.batch.BatchLimiters;
import dev.sluice.documents.batch.BatchState;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.documents.batch.ConcurrencyLimiter;
import dev.sluice.documents.batch.LimitedAnalyses;
import dev.sluice.platform.messaging.JobKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a document job: claims the run (once, however often the job is delivered), starts each
 * requested analysis through the analyzer, bounded by the run's limiter and the admission gate, and
 * returns without waiting. Each outcome is recorded in its own transaction as it arrives; when all
 * are, the run is completed.
 */
@ApplicationScoped
public class DocumentJobRunner implements JobKind {

  /** The document jobs' name in the job outbox. */
  public static final String KIND = "document";

  /**
   * The {@code DocumentJobs} queue's redelivery limit, a fixed 3 in every messaging configuration
   * (Liberty's embedded engine, the Artemis broker, WildFly).
   */
  static final int MAX_DELIVERIES = 3;

  private static final Logger LOG = Logger.getLogger(DocumentJobRunner.class.getName());

  @Inject DocumentJobStore jobs;
  @Inject BatchStore results;
  @Inject LimitedAnalyses analyses;
  @Inject BatchLimiters limiters;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(name = "jms/documentJobs")
  Queue queue;

  @Resource(name = "jms/documentJobsFailed")
  Queue failedQueue;

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public Queue queue() {
    return queue;
  }

  @Override
  public Queue failedQueue() {
    return failedQueue;
  }

  @Override
  public int maxDeliveries() {
    return MAX_DELIVERIES;
  }

  /** Starts the run's analyses; does nothing for a run already running or finished. */
  @Override
  public void run(String runId, int delivery) {
    jobs.claim(runId).ifPresent(this::start);
  }

  /** Completes once every outcome is recorded and the run has ended. */
  CompletableFuture<Void> start(RunPlan plan) {
    ConcurrencyLimiter limiter = limiters.of(plan.runId(), plan.maxConcurrency());
    BatchItem item = new BatchItem(1, plan.documentId(), BatchItem.Check.USABLE);
    CompletableFuture<?>[] recorded =
        plan.todo().stream()
            .map(
                kind ->
                    analyses
                        .start(limiter, plan.input(), kind, plan.options(), plan.runId())
                        // Written on a managed thread, not the provider's, in its own transaction.
                        .thenAcceptAsync(
                            outcome -> analyses.record(item, 0, plan.runId(), kind, outcome),
                            executor))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(recorded)
        .handleAsync(
            (done, error) -> {
              finish(plan.runId(), error);
              return null;
            },
            executor);
  }

  private void finish(String runId, Throwable error) {
    limiters.release(runId);
    if (error != null) {
      LOG.log(Level.SEVERE, "document run " + runId + ": an outcome could not be recorded", error);
    }
    try {
      results.moveTo(runId, error == null ? BatchState.COMPLETED : BatchState.FAILED);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "document run " + runId + " could not be marked ended", e);
    }
  }
}
