package dev.sluice.chat;

import java.time.Duration;

/**
 * When a streaming answer's partial text is saved: its first chunk at once (an answer with saved
 * text has been seen streaming, and after a crash it ends interrupted; one without is asked again),
 * then once {@code every} has passed since the last save, and also every {@code everyChunks} chunks
 * when that is above zero. By time alone, the writes of one stream do not grow with the provider's
 * speed (a fast model streams hundreds of chunks a second), and a crash loses at most {@code every}
 * of text that the socket had shown. Not thread-safe: its answer's writer holds it under its lock.
 */
final class SaveCadence {

  private final int everyChunks;
  private final long everyNanos;
  private long lastSaveNanos;
  private boolean savedOnce;
  private int unsaved;

  /**
   * @param everyChunks chunks between two saves; 0 or less: by time only
   * @param startNanos when the answer started, on {@link System#nanoTime()}'s clock
   */
  SaveCadence(int everyChunks, Duration every, long startNanos) {
    this.everyChunks = everyChunks;
    this.everyNanos = every.toNanos();
    this.lastSaveNanos = startNanos;
  }

  /** Counts a chunk that arrived at {@code nowNanos}; true when the text so far is to be saved. */
  boolean due(long nowNanos) {
    unsaved++;
    boolean due =
        !savedOnce
            || (everyChunks > 0 && unsaved >= everyChunks)
            || nowNanos - lastSaveNanos >= everyNanos;
    if (due) {
      savedOnce = true;
      unsaved = 0;
      lastSaveNanos = nowNanos;
    }
    return due;
  }
}
