package dev.sluice.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of durations in 0.1 ms buckets up to 60 s (larger values land in the last
 * bucket). Allocated once, before measuring, so recording adds nothing to the heap under test.
 */
final class LatencyHistogram {

  private static final long BUCKET_NANOS = 100_000;
  private static final int BUCKETS = 600_000;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / BUCKET_NANOS));
    counts.incrementAndGet(bucket);
  }

  long count() {
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
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
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return (i + 0.5) * BUCKET_NANOS / 1e6;
      }
    }
    return Double.NaN;
  }
}
