package dev.sluice.platform.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Puts each node's bus messages back in the order it sent them. A node's sends leave one at a time
 * but on whichever pooled session is free, and the broker does not order non-persistent messages
 * across sessions, so two in a row may arrive swapped. A message that comes early waits for the
 * ones before it, at most {@code holdNanos}; then they are given up for lost and it goes on. Not
 * thread-safe: the bus calls it under its own lock.
 */
final class Resequencer {

  private static final Logger LOG = Logger.getLogger(Resequencer.class.getName());

  /**
   * A node not heard from for this long is forgotten: node ids are new at every start, so a
   * long-running node would otherwise keep one entry for every start of every other node. If it
   * speaks again, it is taken up where it then stands.
   */
  static final long FORGET_AFTER_NANOS = 60L * 60 * 1_000_000_000;

  private static final class Origin {
    long next;
    final TreeMap<Long, BusMessage> early = new TreeMap<>();
    long waitingSince;
    long lastHeard;

    Origin(long next) {
      this.next = next;
    }
  }

  private final long holdNanos;
  private final Map<String, Origin> origins = new HashMap<>();
  private long lastSweep;

  Resequencer(long holdNanos) {
    this.holdNanos = holdNanos;
  }

  /** The messages now due, in order: {@code message} and any it was the missing one for. */
  List<BusMessage> accept(BusMessage message, long nowNanos) {
    forgetSilentNodes(nowNanos);
    Origin origin = origins.get(message.origin());
    if (origin == null) {
      // The first heard from this node: where it stands is where it starts.
      origin = new Origin(message.sequence());
      origins.put(message.origin(), origin);
    }
    origin.lastHeard = nowNanos;
    if (message.sequence() < origin.next) {
      return List.of(); // given up for lost before it came: its place has passed
    }
    if (origin.early.isEmpty()) {
      origin.waitingSince = nowNanos;
    }
    origin.early.put(message.sequence(), message);
    List<BusMessage> due = new ArrayList<>();
    release(message.origin(), origin, nowNanos, due);
    return due;
  }

  /** The messages whose predecessors have been waited for long enough, in order. */
  List<BusMessage> expire(long nowNanos) {
    List<BusMessage> due = new ArrayList<>();
    origins.forEach((id, origin) -> release(id, origin, nowNanos, due));
    return due;
  }

  /** Whether a message waits for its predecessors (the bus then calls {@link #expire}). */
  boolean waiting() {
    return origins.values().stream().anyMatch(o -> !o.early.isEmpty());
  }

  /** How many nodes it keeps a place for. */
  int nodesTracked() {
    return origins.size();
  }

  /** At most once a minute, drops the nodes silent for longer than {@link #FORGET_AFTER_NANOS}. */
  private void forgetSilentNodes(long nowNanos) {
    if (nowNanos - lastSweep < FORGET_AFTER_NANOS / 60) {
      return;
    }
    lastSweep = nowNanos;
    origins
        .values()
        .removeIf(o -> o.early.isEmpty() && nowNanos - o.lastHeard > FORGET_AFTER_NANOS);
  }

  private void release(String id, Origin origin, long nowNanos, List<BusMessage> due) {
    while (!origin.early.isEmpty()) {
      long first = origin.early.firstKey();
      if (first != origin.next) {
        if (nowNanos - origin.waitingSince < holdNanos) {
          return;
        }
        LOG.warning("lost " + (first - origin.next) + " cluster messages from node " + id);
        origin.next = first;
      }
      due.add(origin.early.pollFirstEntry().getValue());
      origin.next++;
      origin.waitingSince = nowNanos;
    }
  }
}
