package dev.sluice.admission;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** A lane's waiting calls in admission order, with a count per priority. Not thread-safe. */
final class WaitQueue {

  private final TreeSet<Waiter> waiters = new TreeSet<>();
  private final int[] counts = new int[Priority.values().length];

  void add(Waiter waiter) {
    if (waiters.add(waiter)) {
      counts[waiter.priority().ordinal()]++;
    }
  }

  /** The call next in line, or null. */
  Waiter head() {
    return waiters.isEmpty() ? null : waiters.first();
  }

  /** Removes the waiter; false when it was not queued (already admitted or withdrawn). */
  boolean remove(Waiter waiter) {
    if (waiters.remove(waiter)) {
      counts[waiter.priority().ordinal()]--;
      return true;
    }
    return false;
  }

  int size() {
    return waiters.size();
  }

  Map<Priority, Integer> counts() {
    Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      byPriority.put(priority, counts[priority.ordinal()]);
    }
    return byPriority;
  }
}
