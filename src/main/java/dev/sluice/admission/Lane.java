package dev.sluice.admission;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One admission lane: a provider-and-model budget (several models may share one). Never blocks a
 * caller: {@link #admit} returns a future that completes when the call may go out.
 */
public interface Lane {

  String name();

  /**
   * Asks for a slot. The future completes with a {@link Permit} once the lane has a free in-flight
   * slot, budget for one more request and the estimated tokens, and is not paused; or exceptionally
   * with {@link AdmissionRejectedException} at once when the waiting queue is full. Cancelling the
   * future while it waits removes the call from the queue.
   */
  CompletableFuture<Permit> admit(AdmissionRequest request);

  /** No call leaves this lane before the instant (a 429's not-before, or a provider's reset). */
  void pauseUntil(Instant notBefore);

  /** Tightens the lane from a provider's rate-limit headers (remaining requests/tokens, resets). */
  void observe(RateLimitSnapshot snapshot);

  /**
   * Applies new settings (same name) at once. Nothing queued or in flight is lost: a higher {@code
   * maxInFlight} admits waiting calls now, a lower one admits nobody until enough calls finish; a
   * lower {@code maxQueued} refuses only calls that arrive later; budgets keep what was spent.
   */
  void reconfigure(LaneSettings settings);

  /** The lane's live state, for metrics and {@code GET /api/admission}. */
  LaneSnapshot snapshot();
}
