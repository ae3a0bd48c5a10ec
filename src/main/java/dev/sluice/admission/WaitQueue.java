package dev.sluice.admission;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A lane's waiting calls. The next call is the most urgent, first come first served within a
 * priority, except that every {@value #OLDEST_TURN_EVERY}th admission goes to the call that has
 * waited longest, once it has waited the aging step: low priorities keep a guaranteed share of a
 * saturated lane and never starve, yet a steady backlog of old batch calls can never push
 * interactive calls behind it. Not thread-safe.
 */
final class WaitQueue {

  static final int OLDEST_TURN_EVERY = 4;

  private final TreeSet<Waiter> byPriority =
      new TreeSet<>(
          Comparator.comparingInt((Waiter w) -> w.priority().rank())
              .thenComparingLong(Waiter::sequence));
  private final TreeSet<Waiter> byArrival =
      new TreeSet<>(Comparator.comparingLong(Waiter::sequence));
  private final int[] counts = new int[Priority.values().length];
  private long agingStepNanos;

  WaitQueue(long agingStepNanos) {
    this.agingStepNanos = agingStepNanos;
  }

  /** A new aging step counts for the calls already waiting too: they keep their arrival times. */
  void agingStep(long nanos) {
    agingStepNanos = nanos;
  }

  void add(Waiter waiter) {
    if (byPriority.add(waiter)) {
      byArrival.add(waiter);
      counts[waiter.priority().ordinal()]++;
    }
  }

  /**
   * The call next in line, or null.
   *
   * @param now monotonic nanos
   * @param admittedSoFar admissions the lane has made, which decides whose turn it is
   */
  Waiter head(long now, long admittedSoFar) {
    if (byPriority.isEmpty()) {
      return null;
    }
    Waiter oldest = byArrival.first();
    boolean oldestsTurn = admittedSoFar % OLDEST_TURN_EVERY == OLDEST_TURN_EVERY - 1;
    // Differences, not raw values, so that nanoTime wrapping around cannot flip the comparison.
    if (oldestsTurn && now - oldest.arrivalNanos() - agingStepNanos >= 0) {
      return oldest;
    }
    return byPriority.first();
  }

  /** The most urgent waiting call, or null. */
  Waiter mostUrgent() {
    return byPriority.isEmpty() ? null : byPriority.first();
  }

  /** Removes the waiter; false when it was not queued (already admitted or withdrawn). */
  boolean remove(Waiter waiter) {
    if (byPriority.remove(waiter)) {
      byArrival.remove(waiter);
      counts[waiter.priority().ordinal()]--;
      return true;
    }
    return false;
  }

  int size() {
    return byPriority.size();
  }

  Map<Priority, Integer> counts() {
    Map<Priority, Integer> byPriorityCount = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      byPriorityCount.put(priority, counts[priority.ordinal()]);
    }
    return byPriorityCount;
  }
}
