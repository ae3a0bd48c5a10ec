package dev.sluice.llm;

import java.time.Instant;

/**
 * The rate-limit state a provider announced in its response headers ({@code x-ratelimit-*} or
 * {@code anthropic-ratelimit-*}), with reset times turned into instants. Any field may be null when
 * the provider did not send it.
 */
public record RateLimitSnapshot(
    Long requestLimit,
    Long requestsRemaining,
    Instant requestsResetAt,
    Long tokenLimit,
    Long tokensRemaining,
    Instant tokensResetAt,
    Instant observedAt) {

  public static final RateLimitSnapshot NONE =
      new RateLimitSnapshot(null, null, null, null, null, null, null);

  public boolean isEmpty() {
    return requestLimit == null
        && requestsRemaining == null
        && requestsResetAt == null
        && tokenLimit == null
        && tokensRemaining == null
        && tokensResetAt == null;
  }
}
