package dev.sluice.platform.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node registry's conditional changes over a map, as the table makes them. */
final class MemoryNodeRegistry implements NodeRegistry {

  private final Map<String, NodeRecord> nodes = new LinkedHashMap<>();
  private final Map<String, String> reports = new LinkedHashMap<>();

  NodeRecord get(String id) {
    return nodes.get(id);
  }

  @Override
  public synchronized void register(String id, String name, Instant now) {
    nodes.put(id, new NodeRecord(id, name, now, now, null, null, null, null));
  }

  @Override
  public synchronized int endOthersNamed(String name, String exceptId, Instant now) {
    int ended = 0;
    for (NodeRecord n : List.copyOf(nodes.values())) {
      if (n.name().equals(name) && !n.id().equals(exceptId) && n.up()) {
        put(n, n.heartbeatAt(), now, NodeEnd.RESTARTED, null, null);
        ended++;
      }
    }
    return ended;
  }

  @Override
  public synchronized boolean heartbeat(String id, Instant now) {
    NodeRecord n = nodes.get(id);
    if (n == null || !n.up()) {
      return false;
    }
    put(n, now, null, null, null, null);
    return true;
  }

  @Override
  public synchronized void end(String id, NodeEnd how, Instant now) {
    NodeRecord n = nodes.get(id);
    if (n != null && n.up()) {
      put(n, n.heartbeatAt(), now, how, null, null);
    }
  }

  @Override
  public synchronized int expire(Instant cutoff, Instant now) {
    int ended = 0;
    for (NodeRecord n : List.copyOf(nodes.values())) {
      if (n.up() && n.heartbeatAt().isBefore(cutoff)) {
        put(n, n.heartbeatAt(), now, NodeEnd.EXPIRED, null, null);
        ended++;
      }
    }
    return ended;
  }

  @Override
  public synchronized List<NodeRecord> unrecovered(String by) {
    return nodes.values().stream()
        .filter(n -> !n.up() && n.recoveredAt() == null)
        .filter(
            n -> n.recoveredBy() == null || n.recoveredBy().equals(by) || ended(n.recoveredBy()))
        .sorted(Comparator.comparing(NodeRecord::endedAt))
        .toList();
  }

  @Override
  public synchronized boolean claimRecovery(String nodeId, String by) {
    NodeRecord n = nodes.get(nodeId);
    if (n == null || n.recoveredAt() != null) {
      return false;
    }
    if (n.recoveredBy() != null && !ended(n.recoveredBy())) {
      return false;
    }
    put(n, n.heartbeatAt(), n.endedAt(), n.ended(), by, null);
    return true;
  }

  @Override
  public synchronized void recovered(String nodeId, Instant now) {
    NodeRecord n = nodes.get(nodeId);
    put(n, n.heartbeatAt(), n.endedAt(), n.ended(), n.recoveredBy(), now);
  }

  @Override
  public synchronized int forget(Instant before) {
    List<String> gone =
        nodes.values().stream()
            .filter(n -> n.recoveredAt() != null && n.recoveredAt().isBefore(before))
            .map(NodeRecord::id)
            .toList();
    gone.forEach(nodes::remove);
    return gone.size();
  }

  @Override
  public synchronized List<NodeRecord> nodes(Instant since) {
    List<NodeRecord> shown = new ArrayList<>();
    for (NodeRecord n : nodes.values()) {
      if (n.up() || !n.endedAt().isBefore(since)) {
        shown.add(n);
      }
    }
    return shown;
  }

  private boolean ended(String id) {
    NodeRecord n = nodes.get(id);
    return n != null && !n.up();
  }

  private void put(
      NodeRecord n,
      Instant heartbeat,
      Instant endedAt,
      NodeEnd how,
      String recoveredBy,
      Instant recoveredAt) {
    nodes.put(
        n.id(),
        new NodeRecord(
            n.id(), n.name(), n.startedAt(), heartbeat, endedAt, how, recoveredBy, recoveredAt));
  }

  @Override
  public synchronized void report(String id, String report) {
    NodeRecord n = nodes.get(id);
    if (n != null && n.up()) {
      reports.put(id, report);
    }
  }

  @Override
  public synchronized Map<String, String> reports(String exceptId) {
    Map<String, String> live = new LinkedHashMap<>();
    reports.forEach(
        (id, report) -> {
          if (!id.equals(exceptId) && nodes.get(id).up()) {
            live.put(id, report);
          }
        });
    return live;
  }
}
