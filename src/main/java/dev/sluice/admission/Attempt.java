package dev.sluice.admission;

import dev.sluice.llm.LlmErrorKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One try of one model within a gated call, for the call's record and the admin console.
 *
 * @param model the model tried
 * @param provider the provider serving it
 * @param lane the lane it queued in
 * @param outcome how the try ended
 * @param errorKind the failure's kind, or null when it completed
 * @param queueWait time spent waiting for admission (zero if it never got that far)
 * @param backoff the wait before this try, after the previous one failed
 * @param startedAt when the try began (after its backoff)
 */
public record Attempt(
    String model,
    String provider,
    String lane,
    Outcome outcome,
    LlmErrorKind errorKind,
    Duration queueWait,
    Duration backoff,
    Instant startedAt) {

  /** How one try ended. */
  public enum Outcome {
    /** Admitted, streamed and completed: this try answered the call. */
    ADMITTED_COMPLETED,
    /** Admitted and sent, and the provider failed it. */
    FAILED,
    /** The provider's breaker was open: never queued nor sent. */
    REJECTED_BY_BREAKER,
    /** The lane's queue was full: never sent. */
    REJECTED_QUEUE_FULL,
    /** The caller cancelled the call during this try. */
    CANCELLED
  }
}
