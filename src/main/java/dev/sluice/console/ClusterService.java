package dev.sluice.console;

import dev.sluice.platform.cluster.ClusterNode;
import dev.sluice.platform.cluster.NodeRecord;
import dev.sluice.platform.cluster.NodeRegistry;
import dev.sluice.platform.database.ConsoleQueries;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** The console's view of the cluster: the node registry, and each node's work counted by owner. */
@ApplicationScoped
public class ClusterService {

  /** Ended nodes stay in view this long. */
  static final Duration ENDED_SHOWN = Duration.ofHours(1);

  private static final String STREAMING_BY_OWNER =
      "SELECT owner_node, COUNT(*) FROM chat_message WHERE status = 'STREAMING'"
          + " GROUP BY owner_node";

  private static final String RUNNING_BY_OWNER =
      "SELECT owner_node, COUNT(*) FROM analysis_batch WHERE kind = 'BATCH'"
          + " AND status IN ('STARTING', 'STARTED', 'STOPPING') GROUP BY owner_node";

  @Inject NodeRegistry registry;
  @Inject ClusterNode node;
  @Inject ConsoleQueries console;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  private final Clock clock = Clock.systemUTC();

  public ClusterView now() {
    Instant now = clock.instant();
    List<NodeRecord> nodes = registry.nodes(now.minus(ENDED_SHOWN));
    Map<String, Long> streaming = countByOwner(STREAMING_BY_OWNER);
    Map<String, Long> batches = countByOwner(RUNNING_BY_OWNER);
    String self = node.id();
    List<ClusterNodeView> views =
        nodes.stream()
            .map(
                n ->
                    new ClusterNodeView(
                        n.id(),
                        n.name(),
                        n.up() ? "up" : n.ended().name().toLowerCase(Locale.ROOT),
                        n.id().equals(self),
                        n.startedAt(),
                        n.heartbeatAt(),
                        n.endedAt(),
                        n.recoveredBy(),
                        n.recoveredAt(),
                        streaming.getOrDefault(n.id(), 0L),
                        batches.getOrDefault(n.id(), 0L)))
            .toList();
    int up = (int) nodes.stream().filter(NodeRecord::up).count();
    return new ClusterView(now, node.heartbeat(), node.lease(), up, views);
  }

  private Map<String, Long> countByOwner(String sql) {
    Map<String, Long> counts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = console.prepare(c, sql)) {
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (rows.getString(1) != null) {
            counts.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      return counts;
    } catch (SQLException e) {
      throw console.failure(e);
    }
  }
}
