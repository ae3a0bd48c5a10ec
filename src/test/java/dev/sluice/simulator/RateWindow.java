package dev.sluice.simulator;

import java.time.Instant;

/**
 * A one-second window of requests and tokens, so the rate-limit headers count down as a real
 * provider's do. The limits are generous: the simulator's 429s come from the plan, not from here.
 */
final class RateWindow {

  static final long REQUEST_LIMIT = 10_000;
  static final long TOKEN_LIMIT = 10_000_000;

  private long second;
  private long requests;
  private long tokens;

  /** What is left in the current window after this request. */
  record Remaining(long requests, long tokens, Instant resetAt) {}

  synchronized Remaining take(long tokenCount) {
    long now = System.currentTimeMillis() / 1000;
    if (now != second) {
      second = now;
      requests = 0;
      tokens = 0;
    }
    requests++;
    tokens += tokenCount;
    return new Remaining(
        Math.max(0, REQUEST_LIMIT - requests),
        Math.max(0, TOKEN_LIMIT - tokens),
        Instant.ofEpochSecond(second + 1));
  }
}
