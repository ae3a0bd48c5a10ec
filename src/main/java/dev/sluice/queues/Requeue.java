package dev.sluice.queues;

import dev.sluice.admission.Priority;
import java.util.Locale;

/**
 * What a failed job's work looks like after a retry asked for it to run again: whether the job's
 * next delivery will do it, its state in words ("queued", "starting", "completed", "gone") and the
 * JMS priority its job is sent with (null when the work is gone).
 */
public record Requeue(boolean runnable, String state, Integer jmsPriority) {

  static Requeue of(Enum<?> state, Enum<?> runnableState, Priority priority) {
    return new Requeue(
        state == runnableState, state.name().toLowerCase(Locale.ROOT), priority.jmsPriority());
  }

  static Requeue gone() {
    return new Requeue(false, "gone", null);
  }
}
