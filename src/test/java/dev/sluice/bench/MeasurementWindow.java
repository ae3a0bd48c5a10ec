package dev.sluice.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the benchmark itself stopped the world (full collections to measure live heap). Gaps between
 * chunks that span it say nothing about the provider layer, so they are counted apart.
 */
final class MeasurementWindow {

  private volatile long startNanos = Long.MAX_VALUE;
  private volatile long endNanos = Long.MIN_VALUE;
  final AtomicLong skipped = new AtomicLong();

  void open() {
    startNanos = System.nanoTime();
  }

  void close() {
    endNanos = System.nanoTime();
  }

  boolean overlaps(long fromNanos, long toNanos) {
    long start = startNanos;
    long end = endNanos == Long.MIN_VALUE && start != Long.MAX_VALUE ? Long.MAX_VALUE : endNanos;
    return fromNanos <= end && toNanos >= start;
  }
}
