package dev.sluice.generations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows waiting to be written, at most {@code capacity} of them. Calls end on provider threads that
 * must never wait for the database, so when the database falls behind by a whole buffer the newest
 * rows are dropped and counted rather than held up or kept without bound.
 */
final class GenerationBuffer {

  private final ConcurrentLinkedDeque<Generation> rows = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final int capacity;

  GenerationBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** Queues a row; false (and counted) when the buffer is full. */
  boolean offer(Generation row) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      return false;
    }
    rows.addLast(row);
    return true;
  }

  /** Takes up to {@code max} of the oldest rows. */
  List<Generation> drain(int max) {
    List<Generation> taken = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
    while (taken.size() < max) {
      Generation row = rows.pollFirst();
      if (row == null) {
        break;
      }
      size.decrementAndGet();
      taken.add(row);
    }
    return taken;
  }

  /** Puts rows whose write failed back in front, oldest first, as far as there is room. */
  void putBack(List<Generation> taken) {
    for (int i = taken.size() - 1; i >= 0; i--) {
      if (size.incrementAndGet() > capacity) {
        size.decrementAndGet();
        dropped.addAndGet(i + 1);
        return;
      }
      rows.addFirst(taken.get(i));
    }
  }

  int size() {
    return size.get();
  }

  long dropped() {
    return dropped.get();
  }
}
