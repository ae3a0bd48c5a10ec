package dev.sluice.platform.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * This server's membership, as a lease renewed by heartbeats: registers it (ending any earlier run
 * under the same name), renews the lease, ends the nodes whose lease ran out and claims the
 * recovery of ended nodes' work. A node found ended while it still runs (a pause longer than the
 * lease) goes on under a new id: whatever it owned under the old one has been recovered elsewhere,
 * and its writes to that work are refused because they name the old owner.
 *
 * <p>Heartbeats are stamped with each node's clock and judged by the survivor's, so the nodes'
 * clocks must agree to well within a lease (NTP does).
 */
public final class NodeLease {

  private static final Logger LOG = Logger.getLogger(NodeLease.class.getName());

  /** How long an ended node stays on record once its work was recovered. */
  static final Duration KEPT = Duration.ofDays(1);

  private final NodeRegistry registry;
  private final String name;
  private final Duration lease;
  private final Clock clock;
  private final Supplier<String> newIds;
  private volatile String id;
  private boolean stopped;

  public NodeLease(
      NodeRegistry registry, String name, Duration lease, Clock clock, Supplier<String> newIds) {
    this.registry = registry;
    this.name = name;
    this.lease = lease;
    this.clock = clock;
    this.newIds = newIds;
  }

  /** This node's id, registering it first if need be: the owner written into work it claims. */
  public String id() {
    String current = id;
    return current != null ? current : register();
  }

  public String name() {
    return name;
  }

  /**
   * One heartbeat: renews the lease (or starts anew, if the node was ended meanwhile), ends the
   * nodes whose lease ran out, and returns the ended nodes whose work this node now recovers.
   */
  public synchronized List<NodeRecord> beat() {
    if (stopped) {
      return List.of();
    }
    Instant now = clock.instant();
    if (id == null) {
      register();
    } else if (!registry.heartbeat(id, now)) {
      LOG.severe(
          () ->
              "node "
                  + name
                  + " ("
                  + id
                  + ") was ended by the cluster: no heartbeat of it for "
                  + lease.toSeconds()
                  + " s (a long pause, or another server under the same name). Its work has been"
                  + " recovered by another node; it goes on as a new node");
      id = null;
      register();
    }
    registry.forget(now.minus(KEPT));
    int expired = registry.expire(now.minus(lease), now);
    if (expired > 0) {
      LOG.warning(expired + " node(s) ended: no heartbeat for " + lease.toSeconds() + " s");
    }
    List<NodeRecord> mine = new ArrayList<>();
    for (NodeRecord ended : registry.unrecovered(id)) {
      if (id.equals(ended.recoveredBy()) || registry.claimRecovery(ended.id(), id)) {
        mine.add(ended);
      }
    }
    return mine;
  }

  /** The recovery of an ended node's work has finished: it is not handed out again. */
  public void recovered(String nodeId) {
    registry.recovered(nodeId, clock.instant());
  }

  /** Ends this node's membership; its work is recovered by the others (or by its next start). */
  public synchronized void stop() {
    if (!stopped && id != null) {
      registry.end(id, NodeEnd.STOPPED, clock.instant());
    }
    stopped = true;
  }

  private synchronized String register() {
    if (id != null) {
      return id;
    }
    String fresh = newIds.get();
    Instant now = clock.instant();
    registry.register(fresh, name, now);
    int earlier = registry.endOthersNamed(name, fresh, now);
    if (earlier > 0) {
      LOG.info(
          () ->
              "node "
                  + name
                  + " started as "
                  + fresh
                  + "; its earlier run is over and its work is recovered");
    }
    id = fresh;
    return fresh;
  }
}
