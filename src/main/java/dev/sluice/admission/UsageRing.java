package dev.sluice.admission;

import java.util.Arrays;

/**
 * Requests and tokens spent over the last period, in 60 slots of period/60 each: constant memory
 * whatever the traffic. Not thread-safe.
 */
final class UsageRing {

  private static final int SLOTS = 60;

  private final long slotNanos;
  private final long[] slotIds = new long[SLOTS];
  private final long[] requests = new long[SLOTS];
  private final long[] tokens = new long[SLOTS];

  UsageRing(long periodNanos) {
    this.slotNanos = Math.max(1, periodNanos / SLOTS);
    Arrays.fill(slotIds, Long.MIN_VALUE);
  }

  /** Adds to the current slot; negative amounts record reconciliation refunds. */
  void record(long nowNanos, long requestCount, long tokenCount) {
    long id = Math.floorDiv(nowNanos, slotNanos);
    int index = (int) Math.floorMod(id, (long) SLOTS);
    if (slotIds[index] != id) {
      slotIds[index] = id;
      requests[index] = 0;
      tokens[index] = 0;
    }
    requests[index] += requestCount;
    tokens[index] += tokenCount;
  }

  long requests(long nowNanos) {
    return sum(requests, nowNanos);
  }

  long tokens(long nowNanos) {
    return sum(tokens, nowNanos);
  }

  private long sum(long[] values, long nowNanos) {
    long current = Math.floorDiv(nowNanos, slotNanos);
    long total = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slotIds[i] > current - SLOTS && slotIds[i] <= current) {
        total += values[i];
      }
    }
    return total;
  }
}
