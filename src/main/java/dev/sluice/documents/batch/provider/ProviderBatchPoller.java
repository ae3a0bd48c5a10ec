package dev.sluice.documents.batch.provider;

import dev.sluice.documents.batch.JobControl;
import dev.sluice.llm.batch.ProviderBatch;
import dev.sluice.llm.batch.ProviderBatchApi;
import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.platform.cluster.NodeEnded;
import dev.sluice.platform.config.Durations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows every provider batch until its results are collected: every {@code
 * sluice.provider-batches.poll-every} it asks the provider for the state of those not ended (one
 * server per provider batch and poll, when several run), and starts the {@code
 * provider-batch-collect} job for each that has ended (one server claims it). No thread waits for a
 * provider: the status calls complete on the HTTP client's threads, the rest on managed ones. A
 * collection claimed by a server that has ended is handed back, and collected again.
 */
@ApplicationScoped
public class ProviderBatchPoller {

  private static final Logger LOG = Logger.getLogger(ProviderBatchPoller.class.getName());

  @Inject ProviderBatchStore store;
  @Inject ProviderBatches batches;
  @Inject WaitingBatches waiting;
  @Inject JobControl jobs;
  @Inject ClusterNode node;
  @Inject ProviderBatchMetrics metrics;

  @Inject
  @ConfigProperty(name = "sluice.provider-batches.poll-every", defaultValue = "60s")
  String pollEvery;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private Duration every;
  private volatile ScheduledFuture<?> polling;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    every = Durations.parse(pollEvery);
    polling =
        scheduler.scheduleWithFixedDelay(
            this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> task = polling;
    if (task != null) {
      task.cancel(false);
    }
  }

  /** One round: every provider batch not collected, then batches left with nothing to wait for. */
  public void poll() {
    // A periodic task that throws is never run again: a database outage must not end the polls.
    try {
      for (ProviderBatchRecord record : store.uncollected()) {
        follow(record);
      }
      waiting.settleAll();
      metrics.refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "polling provider batches failed; trying at the next poll", e);
    }
  }

  /**
   * Asks the provider to cancel every provider batch of a batch that has not ended, at once; what
   * they finished is collected as usual when they end, the rest ends cancelled.
   */
  public void cancel(String batchId) {
    for (ProviderBatchRecord record : store.wantCancel(batchId)) {
      record
          .snapshot()
          .ifPresent(
              snapshot ->
                  api(record)
                      .cancel(snapshot)
                      .whenCompleteAsync(
                          (seen, failure) -> {
                            if (failure != null) {
                              LOG.warning(
                                  "cancelling provider batch "
                                      + snapshot.id()
                                      + " failed ("
                                      + failure.getMessage()
                                      + "); asked again at the next poll");
                            } else {
                              store.saw(record.id(), seen);
                            }
                          },
                          executor));
    }
  }

  /** Hands back the collections an ended server had claimed. */
  void onNodeEnded(@Observes NodeEnded ended) {
    int released = store.releaseCollections(ended.nodeId());
    if (released > 0) {
      LOG.info(released + " provider batch collection(s) of node " + ended.name() + " handed back");
    }
  }

  private void follow(ProviderBatchRecord record) {
    if (record.collectState() != ProviderBatchRecord.Collection.WAITING) {
      return;
    }
    if (record.ended()) {
      collect(record.id());
      return;
    }
    ProviderBatch snapshot = record.snapshot().orElse(null);
    if (snapshot == null || !store.claimPoll(record.id(), every.dividedBy(2))) {
      return;
    }
    ProviderBatchApi api = api(record);
    boolean cancel = record.cancelWanted() && snapshot.status() != ProviderBatch.Status.CANCELLING;
    (cancel ? api.cancel(snapshot) : api.status(snapshot))
        .whenCompleteAsync(
            (seen, failure) -> {
              if (failure != null) {
                LOG.warning(
                    "polling provider batch "
                        + snapshot.id()
                        + " failed ("
                        + failure.getMessage()
                        + "); trying at the next poll");
                return;
              }
              store.saw(record.id(), seen);
              if (seen.status().ended()) {
                collect(record.id());
              }
            },
            executor);
  }

  private void collect(String providerBatchId) {
    if (store.claimCollection(providerBatchId, node.id())) {
      try {
        long execution = jobs.startCollecting(providerBatchId);
        LOG.info(
            () ->
                "collecting provider batch " + providerBatchId + " (execution " + execution + ")");
      } catch (RuntimeException e) {
        store.releaseCollection(providerBatchId);
        throw e;
      }
    }
  }

  private ProviderBatchApi api(ProviderBatchRecord record) {
    return batches.api(batches.model(record.model()));
  }
}
