package dev.sluice.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most recent arrivals, bounded so a long benchmark cannot exhaust memory: once full, the
 * oldest entries are dropped. Safe for the event loops to add to while a test reads.
 */
final class ArrivalLog {

  private final int capacity;
  private final ConcurrentLinkedQueue<Arrival> entries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  ArrivalLog(int capacity) {
    this.capacity = capacity;
  }

  void add(Arrival arrival) {
    entries.add(arrival);
    if (size.incrementAndGet() > capacity && entries.poll() != null) {
      size.decrementAndGet();
    }
  }

  /** The kept arrivals, in the order their status was decided. */
  List<Arrival> snapshot() {
    return new ArrayList<>(entries);
  }

  void clear() {
    while (entries.poll() != null) {
      size.decrementAndGet();
    }
  }
}
