package dev.sluice.admission;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Instant;

/** Reads a provider's rate-limit headers as a pause: when nothing more may go before a reset. */
final class ProviderSignals {

  private ProviderSignals() {}

  /**
   * The reset to wait for when the provider has no request left, or fewer tokens than the next call
   * needs; null when nothing needs to wait.
   */
  static Instant pauseFrom(RateLimitSnapshot snapshot, Instant now, long nextEstimate) {
    Instant pause = null;
    if (isZero(snapshot.requestsRemaining()) && isAfter(snapshot.requestsResetAt(), now)) {
      pause = snapshot.requestsResetAt();
    }
    Long tokens = snapshot.tokensRemaining();
    if (tokens != null
        && tokens < Math.max(1, nextEstimate)
        && isAfter(snapshot.tokensResetAt(), now)) {
      pause = later(pause, snapshot.tokensResetAt());
    }
    return pause;
  }

  private static boolean isZero(Long value) {
    return value != null && value <= 0;
  }

  private static boolean isAfter(Instant reset, Instant now) {
    return reset != null && reset.isAfter(now);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
