package dev.sluice.documents.batch;

import dev.sluice.documents.batch.BatchRequest.DocumentFilter;
import dev.sluice.documents.batch.provider.ProviderBatchPoller;
import dev.sluice.documents.batch.provider.ProviderBatches;
import dev.sluice.documents.batch.provider.WaitingBatches;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.security.Caller;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobRestartException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The batch use cases: submit (validate, freeze the selection, start the job), read with live
 * progress, stop, restart; with the ownership rules of chats (another user's batch is 404, an admin
 * reads all).
 */
@ApplicationScoped
public class BatchService {

  private static final Logger LOG = Logger.getLogger(BatchService.class.getName());

  @Inject BatchSelections selections;
  @Inject BatchStore store;
  @Inject JobControl jobs;
  @Inject Caller caller;
  @Inject ProviderRegistry providers;
  @Inject WebhookCheck webhooks;
  @Inject ProviderBatches providerBatches;
  @Inject WaitingBatches waiting;
  @Inject ProviderBatchPoller poller;

  @Inject
  @ConfigProperty(name = "sluice.batch.max-concurrency", defaultValue = "64")
  int maxConcurrency;

  @Inject
  @ConfigProperty(name = "sluice.batch.default-concurrency", defaultValue = "8")
  int defaultConcurrency;

  @Inject
  @ConfigProperty(name = "sluice.batch.max-partitions", defaultValue = "16")
  int maxPartitions;

  @Inject
  @ConfigProperty(name = "sluice.batch.default-partitions", defaultValue = "4")
  int defaultPartitions;

  public AnalysisBatch submit(BatchRequest request) {
    if (request == null) {
      throw ProblemException.invalidField(400, "analyses", "name at least one analysis");
    }
    BatchDraft draft =
        BatchDraft.of(
            request,
            id -> providers.directory().catalog().find(id).isPresent(),
            new BatchDraft.Limits(
                maxConcurrency, maxPartitions, defaultConcurrency, defaultPartitions),
            webhooks);
    if (draft.mode() == BatchMode.PROVIDER) {
      draft = forProvider(draft);
    }
    AnalysisBatch batch = select(request, draft);
    try {
      store.started(batch.id(), jobs.start(batch.id(), draft.mode() == BatchMode.PROVIDER));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "batch " + batch.id() + ": the batch runtime did not start the job", e);
      store.moveTo(batch.id(), BatchState.FAILED);
      throw new ProblemException(
          Problem.of(
              503,
              "Service Unavailable",
              "the batch runtime could not start the job; restart the batch later"));
    }
    return store.batch(batch.id()).orElseThrow();
  }

  /**
   * A provider batch's draft, its model fixed now (the default model may change before the provider
   * answers); 400 naming {@code mode} when the model cannot run in provider batches.
   */
  private BatchDraft forProvider(BatchDraft draft) {
    providerBatches
        .refusal(draft.model())
        .ifPresent(
            reason -> {
              throw ProblemException.invalidField(400, "mode", "provider: " + reason);
            });
    return draft.withModel(providerBatches.resolve(draft.model()));
  }

  private AnalysisBatch select(BatchRequest request, BatchDraft draft) {
    boolean byIds = request.documentIds() != null && !request.documentIds().isEmpty();
    DocumentFilter filter = request.filter();
    if (byIds == (filter != null)) {
      throw ProblemException.invalidField(
          400,
          "documentIds",
          byIds ? "give documentIds or a filter, not both" : "give documentIds or a filter");
    }
    return byIds
        ? selections.byIds(caller.name(), caller.isAdmin(), request.documentIds(), draft)
        : selections.byFilter(caller.name(), filter.contentType(), filter.title(), draft);
  }

  /** The batch, its state brought up to date from the batch runtime; 404 if not the caller's. */
  public AnalysisBatch get(String id) {
    AnalysisBatch batch =
        store
            .batch(id)
            // An upload's own analyses are a run too, but not a batch: /api/documents shows them.
            .filter(b -> b.kind() == RunKind.BATCH && caller.mayRead(b.owner()))
            .orElseThrow(() -> ProblemException.notFound("batch", id));
    // A batch waiting for provider batches outlives its job: the job's end is not the batch's. A
    // waiting or stopping one is ended by the collection of its last provider batch
    // (WaitingBatches),
    // also in the moment between that collection and its end, when nothing is left to wait for.
    if (!batch.status().isFinal() && batch.executionId() != null && !outlivesItsJob(batch)) {
      BatchState live = jobs.state(batch.executionId());
      if (live != batch.status() && live != BatchState.STARTED) {
        store.moveTo(id, live);
        return store.batch(id).orElseThrow();
      }
    }
    return batch;
  }

  private boolean outlivesItsJob(AnalysisBatch batch) {
    return batch.mode() == BatchMode.PROVIDER
        && (batch.status() == BatchState.WAITING
            || batch.status() == BatchState.STOPPING
            || waiting.waiting(batch.id()));
  }

  public BatchProgress progress(AnalysisBatch batch) {
    return store.progress(batch);
  }

  /**
   * Stops the batch: its job, and in provider mode its provider batches, which the provider is
   * asked to cancel (what they finished is still collected; the rest ends cancelled).
   */
  public AnalysisBatch stop(String id) {
    AnalysisBatch batch = get(id);
    if (batch.status().isFinal() || batch.executionId() == null) {
      throw conflict(
          "the batch is " + batch.status().name().toLowerCase() + "; there is nothing to stop");
    }
    if (batch.status() != BatchState.WAITING && batch.status() != BatchState.STOPPING) {
      jobs.stop(batch.executionId());
    }
    store.moveTo(id, BatchState.STOPPING);
    if (batch.mode() == BatchMode.PROVIDER) {
      poller.cancel(id);
    }
    return store.batch(id).orElseThrow();
  }

  /**
   * Resumes a stopped or failed batch from its checkpoints; a completed batch with failed results
   * runs again for those only (the reader skips finished items), interactively also in provider
   * mode (results the provider failed, expired or cancelled). Either way each (document, analysis)
   * ends with exactly one result.
   */
  public AnalysisBatch restart(String id) {
    AnalysisBatch batch = get(id);
    long execution;
    if (batch.status().isRestartable() && batch.executionId() != null) {
      execution = restartOrStartAfresh(batch);
    } else if (batch.status() == BatchState.COMPLETED && progress(batch).failed() > 0) {
      execution = jobs.start(id);
    } else {
      throw conflict(
          "the batch is "
              + batch.status().name().toLowerCase()
              + "; only a stopped or failed batch, or a completed one with failed results, restarts");
    }
    store.started(id, execution);
    return store.batch(id).orElseThrow();
  }

  /**
   * Restarts the batch's last execution; when the batch runtime still takes that execution for
   * running (it ran on a server that died and has not started again), or its job had completed (a
   * provider-mode batch stopped while the provider worked), starts a new one instead, which the
   * reader makes carry on from the finished items all the same, interactively.
   */
  private long restartOrStartAfresh(AnalysisBatch batch) {
    try {
      return jobs.restart(batch.executionId(), batch.id(), batch.mode() == BatchMode.PROVIDER);
    } catch (JobRestartException | JobExecutionAlreadyCompleteException e) {
      LOG.info(
          () ->
              "batch "
                  + batch.id()
                  + ": execution "
                  + batch.executionId()
                  + " cannot restart ("
                  + e.getMessage()
                  + "); a new execution carries on from its finished items");
      return jobs.start(batch.id());
    }
  }

  private static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }
}
