package dev.sluice.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of durations: 0.1 ms buckets up to 10 s, then 10 ms buckets up to 10
 * minutes (larger values land in the last bucket). Allocated once, before measuring, so recording
 * adds nothing to the heap under test.
 */
final class LatencyHistogram {

  private static final long FINE_NANOS = 100_000;
  private static final long COARSE_NANOS = 10_000_000;
  private static final int FINE_BUCKETS = 100_000;
  private static final int COARSE_BUCKETS = 59_000;
  private static final long FINE_LIMIT = FINE_NANOS * FINE_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(FINE_BUCKETS + COARSE_BUCKETS);

  void record(long nanos) {
    long value = Math.max(0, nanos);
    int bucket =
        value < FINE_LIMIT
            ? (int) (value / FINE_NANOS)
            : (int)
                Math.min(counts.length() - 1, FINE_BUCKETS + (value - FINE_LIMIT) / COARSE_NANOS);
    counts.incrementAndGet(bucket);
  }

  long count() {
    long n = 0;
    for (int i = 0; i < counts.length(); i++) {
      n += counts.get(i);
    }
    return n;
  }

  /** The value in milliseconds below which {@code percentile} percent of recordings fall. */
  double percentileMillis(double percentile) {
    long total = count();
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(total * percentile / 100.0);
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return middleMillis(i);
      }
    }
    return Double.NaN;
  }

  private static double middleMillis(int bucket) {
    if (bucket < FINE_BUCKETS) {
      return (bucket + 0.5) * FINE_NANOS / 1e6;
    }
    return (FINE_LIMIT + (bucket - FINE_BUCKETS + 0.5) * COARSE_NANOS) / 1e6;
  }
}
