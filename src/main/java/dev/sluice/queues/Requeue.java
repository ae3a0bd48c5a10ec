package dev.sluice.queues;

import java.util.Locale;

/**
 * What a failed job's work looks like after a retry asked for it to run again: whether the job's
 * next delivery will do it, and its state in words ("queued", "starting", "completed", "gone").
 */
public record Requeue(boolean runnable, String state) {

  static Requeue of(Enum<?> state, Enum<?> runnableState) {
    return new Requeue(state == runnableState, state.name().toLowerCase(Locale.ROOT));
  }

  static Requeue gone() {
    return new Requeue(false, "gone");
  }
}
