package dev.sluice.documents.batch.socket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The connections watching each batch and the pacing of their progress frames: at most one per
 * batch every {@code intervalMs}, the last of a burst sent when the interval ends, and nothing
 * after the final frame. A batch is held only while someone watches it and it has not ended, so
 * nothing here outlives its watchers.
 */
final class BatchAudiences {

  /** A batch's progress frame as of now, or null when the batch is gone. */
  @FunctionalInterface
  interface Frames {
    String progress(String batchId);
  }

  /** Runs a task later; the future lets a batch that ends cancel its pending push. */
  @FunctionalInterface
  interface Scheduler {
    Future<?> later(Runnable task, long delayMs);
  }

  private final Map<String, Audience> audiences = new ConcurrentHashMap<>();
  private final Frames frames;
  private final Scheduler scheduler;
  private final LongSupplier millis;
  private final long intervalMs;

  BatchAudiences(Frames frames, Scheduler scheduler, LongSupplier millis, long intervalMs) {
    this.frames = frames;
    this.scheduler = scheduler;
    this.millis = millis;
    this.intervalMs = intervalMs;
  }

  /** Adds a watcher and sends it the batch as it is now. */
  void watch(String batchId, Watcher watcher) {
    // compute, not computeIfAbsent + add: atomic with an end's remove, so a watcher joins either
    // the audience that hears the final frame or a fresh one, never one already ended.
    audiences.compute(
        batchId,
        (id, audience) -> {
          Audience joined = audience == null ? new Audience() : audience;
          joined.watchers.add(watcher);
          return joined;
        });
    String now = frames.progress(batchId);
    if (now != null) {
      watcher.send(now);
    }
  }

  void unwatch(String batchId, Watcher watcher) {
    audiences.computeIfPresent(
        batchId,
        (id, audience) -> {
          audience.watchers.remove(watcher);
          if (!audience.watchers.isEmpty()) {
            return audience;
          }
          audience.end();
          return null;
        });
  }

  /** Whether anyone watches the batch now (a chunk's commit needs no hand-over otherwise). */
  boolean watched(String batchId) {
    return audiences.containsKey(batchId);
  }

  /** A chunk committed: push now, or once the interval since the last push ends. */
  void progressed(String batchId) {
    Audience audience = audiences.get(batchId);
    if (audience == null) {
      return;
    }
    long wait = audience.claim(millis.getAsLong(), intervalMs);
    if (wait == 0) {
      push(batchId, audience);
    } else if (wait > 0) {
      audience.scheduled(
          scheduler.later(
              () -> {
                if (audience.claimScheduled(millis.getAsLong())) {
                  push(batchId, audience);
                }
              },
              wait));
    }
  }

  /** The job ended: every watcher gets the final frame, and nothing after it. */
  void finished(String batchId, Supplier<String> frame) {
    Audience audience = audiences.remove(batchId);
    if (audience == null) {
      return;
    }
    audience.end();
    String last = frame.get();
    if (last != null) {
      audience.watchers.forEach(w -> w.end(last));
    }
  }

  /** Batches held now (for tests: an ended or unwatched batch is not). */
  int held() {
    return audiences.size();
  }

  private void push(String batchId, Audience audience) {
    String frame = frames.progress(batchId);
    if (frame != null && !audience.ended()) {
      audience.watchers.forEach(w -> w.send(frame));
    }
  }

  /** One batch's watchers and pacing; the lock guards the pacing fields. */
  private static final class Audience {

    final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private long lastPushMs = Long.MIN_VALUE / 2;
    private boolean pushPending;
    private Future<?> pending;
    private boolean ended;

    /** 0: push now; above 0: schedule a push in that many ms; below 0: nothing to do. */
    synchronized long claim(long nowMs, long intervalMs) {
      if (ended || pushPending) {
        return -1;
      }
      long wait = lastPushMs + intervalMs - nowMs;
      if (wait <= 0) {
        lastPushMs = nowMs;
        return 0;
      }
      pushPending = true;
      return wait;
    }

    synchronized void scheduled(Future<?> task) {
      if (ended) {
        task.cancel(false);
      } else if (pushPending) {
        pending = task;
      }
    }

    /** The scheduled push is due: true if it should still go out. */
    synchronized boolean claimScheduled(long nowMs) {
      pushPending = false;
      pending = null;
      if (ended) {
        return false;
      }
      lastPushMs = nowMs;
      return true;
    }

    synchronized boolean ended() {
      return ended;
    }

    synchronized void end() {
      ended = true;
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
    }
  }
}
