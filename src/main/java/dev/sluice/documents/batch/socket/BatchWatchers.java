package dev.sluice.documents.batch.socket;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchFinished;
import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.BatchProgressed;
import dev.sluice.documents.batch.BatchStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The batch events a watching connection hears: a progress frame after a chunk commits — at most
 * one per batch every {@value #MIN_INTERVAL_MS} ms, the last of a burst sent when the interval ends
 * — and a final frame when the job ends, after which it hears nothing. The pacing and the watchers
 * are {@link BatchAudiences}'; this bean feeds it the events and the frames.
 */
@ApplicationScoped
public class BatchWatchers {

  static final long MIN_INTERVAL_MS = 250;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject BatchStore store;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private BatchAudiences audiences;

  @PostConstruct
  void init() {
    audiences =
        new BatchAudiences(
            id -> store.batch(id).map(b -> frame("progress", b, null)).orElse(null),
            (task, delayMs) -> scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS),
            System::currentTimeMillis,
            MIN_INTERVAL_MS);
  }

  void watch(String batchId, Watcher watcher) {
    audiences.watch(batchId, watcher);
  }

  void unwatch(String batchId, Watcher watcher) {
    audiences.unwatch(batchId, watcher);
  }

  /**
   * After the chunk's commit, on the scheduler: reading the batch for the frame is a transaction of
   * its own, and WildFly's, begun in the committed transaction's completion on the batch thread,
   * failed with "Connection is not associated with a managed connection" and failed the chunk.
   */
  void onProgress(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchProgressed event) {
    if (audiences.watched(event.batchId())) {
      scheduler.execute(() -> audiences.progressed(event.batchId()));
    }
  }

  void onFinished(@Observes BatchFinished event) {
    audiences.finished(
        event.batchId(),
        () ->
            store
                .batch(event.batchId())
                .map(b -> frame("finished", b, event.progress()))
                .orElse(null));
  }

  private String frame(String type, AnalysisBatch batch, BatchProgress known) {
    BatchProgress progress = known != null ? known : store.progress(batch);
    return JSON.toJson(
        new ProgressFrame(
            type, batch.id(), batch.status().name().toLowerCase(Locale.ROOT), progress));
  }

  /** The JSON of a frame. */
  public record ProgressFrame(String type, String batchId, String status, BatchProgress progress) {}
}
