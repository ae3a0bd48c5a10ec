package dev.sluice.documents.batch.socket;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchFinished;
import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.BatchProgressed;
import dev.sluice.documents.batch.BatchStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connections watching each batch, and what they are sent: a progress frame after a chunk
 * commits — at most one per batch every {@value #MIN_INTERVAL_MS} ms, the last of a burst sent when
 * the interval ends — and a final frame when the job ends.
 */
@ApplicationScoped
public class BatchWatchers {

  static final long MIN_INTERVAL_MS = 250;
  private static final Jsonb JSON = JsonbBuilder.create();

  private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();
  private final Map<String, Long> lastPush = new ConcurrentHashMap<>();
  private final Set<String> pushScheduled = ConcurrentHashMap.newKeySet();

  @Inject BatchStore store;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  void watch(String batchId, Watcher watcher) {
    watchers.computeIfAbsent(batchId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
    store.batch(batchId).ifPresent(b -> watcher.send(frame("progress", b, null)));
  }

  void unwatch(String batchId, Watcher watcher) {
    watchers.computeIfPresent(
        batchId,
        (id, set) -> {
          set.remove(watcher);
          return set.isEmpty() ? null : set;
        });
  }

  void onProgress(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchProgressed event) {
    String id = event.batchId();
    if (!watchers.containsKey(id)) {
      return;
    }
    long wait = lastPush.getOrDefault(id, 0L) + MIN_INTERVAL_MS - System.currentTimeMillis();
    if (wait <= 0) {
      push(id);
    } else if (pushScheduled.add(id)) {
      scheduler.schedule(
          () -> {
            pushScheduled.remove(id);
            push(id);
          },
          wait,
          TimeUnit.MILLISECONDS);
    }
  }

  void onFinished(@Observes BatchFinished event) {
    Set<Watcher> set = watchers.get(event.batchId());
    if (set != null) {
      store
          .batch(event.batchId())
          .ifPresent(b -> set.forEach(w -> w.send(frame("finished", b, event.progress()))));
    }
  }

  private void push(String id) {
    Set<Watcher> set = watchers.get(id);
    if (set == null) {
      return;
    }
    lastPush.put(id, System.currentTimeMillis());
    store
        .batch(id)
        .ifPresent(
            b -> {
              String frame = frame("progress", b, null);
              set.forEach(w -> w.send(frame));
            });
  }

  private String frame(String type, AnalysisBatch batch, BatchProgress known) {
    BatchProgress progress = known != null ? known : store.progress(batch);
    return JSON.toJson(
        new ProgressFrame(
            type, batch.id(), batch.status().name().toLowerCase(java.util.Locale.ROOT), progress));
  }

  /** The JSON of a frame. */
  public record ProgressFrame(String type, String batchId, String status, BatchProgress progress) {}
}
