package dev.sluice.platform.cluster;

import dev.sluice.platform.database.Timestamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The node registry in the {@code cluster_node} table. Each call commits on its own (never joined
 * to the caller's transaction): a registration rolled back with someone else's work would leave the
 * node writing an owner that no registered node has.
 */
@ApplicationScoped
@Transactional(value = TxType.REQUIRES_NEW, rollbackOn = Exception.class)
public class JdbcNodeRegistry implements NodeRegistry {

  private static final String COLUMNS =
      "id, name, started_at, heartbeat_at, ended_at, ended_how, recovered_by, recovered_at";

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Override
  public void register(String id, String name, Instant now) {
    update(
        "INSERT INTO cluster_node (id, name, started_at, heartbeat_at) VALUES (?, ?, ?, ?)",
        id,
        name,
        at(now),
        at(now));
  }

  @Override
  public int endOthersNamed(String name, String exceptId, Instant now) {
    return update(
        "UPDATE cluster_node SET ended_at = ?, ended_how = 'RESTARTED'"
            + " WHERE name = ? AND id <> ? AND ended_at IS NULL",
        at(now),
        name,
        exceptId);
  }

  @Override
  public boolean heartbeat(String id, Instant now) {
    return update(
            "UPDATE cluster_node SET heartbeat_at = ? WHERE id = ? AND ended_at IS NULL",
            at(now),
            id)
        == 1;
  }

  @Override
  public void end(String id, NodeEnd how, Instant now) {
    update(
        "UPDATE cluster_node SET ended_at = ?, ended_how = ? WHERE id = ? AND ended_at IS NULL",
        at(now),
        how.name(),
        id);
  }

  @Override
  public int expire(Instant cutoff, Instant now) {
    return update(
        "UPDATE cluster_node SET ended_at = ?, ended_how = 'EXPIRED'"
            + " WHERE ended_at IS NULL AND heartbeat_at < ?",
        at(now),
        at(cutoff));
  }

  @Override
  public List<NodeRecord> unrecovered(String by) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM cluster_node n WHERE n.ended_at IS NOT NULL AND n.recovered_at IS NULL"
            + " AND (n.recovered_by IS NULL OR n.recovered_by = ? OR EXISTS (SELECT 1 FROM"
            + " cluster_node r WHERE r.id = n.recovered_by AND r.ended_at IS NOT NULL))"
            + " ORDER BY n.ended_at",
        by);
  }

  @Override
  public boolean claimRecovery(String nodeId, String by) {
    // The claimant, if any, must have ended: the subquery reads the other row of the same table.
    return update(
            "UPDATE cluster_node SET recovered_by = ? WHERE id = ? AND recovered_at IS NULL"
                + " AND (recovered_by IS NULL OR recovered_by IN"
                + " (SELECT r.id FROM cluster_node r WHERE r.ended_at IS NOT NULL))",
            by,
            nodeId)
        == 1;
  }

  @Override
  public void recovered(String nodeId, Instant now) {
    update("UPDATE cluster_node SET recovered_at = ? WHERE id = ?", at(now), nodeId);
  }

  @Override
  public int forget(Instant before) {
    return update("DELETE FROM cluster_node WHERE recovered_at < ?", at(before));
  }

  @Override
  public List<NodeRecord> nodes(Instant since) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM cluster_node WHERE ended_at IS NULL OR ended_at >= ?"
            + " ORDER BY started_at DESC, id",
        at(since));
  }

  @Override
  public void report(String id, String report) {
    update("UPDATE cluster_node SET report = ? WHERE id = ? AND ended_at IS NULL", report, id);
  }

  @Override
  public Map<String, String> reports(String exceptId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement =
            c.prepareStatement(
                "SELECT id, report FROM cluster_node WHERE ended_at IS NULL AND id <> ?"
                    + " AND report IS NOT NULL")) {
      statement.setString(1, exceptId);
      Map<String, String> reports = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reports.put(rows.getString(1), rows.getString(2));
        }
      }
      return reports;
    } catch (SQLException e) {
      throw new IllegalStateException("the node registry could not be read", e);
    }
  }

  private int update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, values);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("the node registry could not be written", e);
    }
  }

  private List<NodeRecord> query(String sql, Object... values) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, values);
      List<NodeRecord> nodes = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          nodes.add(record(rows));
        }
      }
      return nodes;
    } catch (SQLException e) {
      throw new IllegalStateException("the node registry could not be read", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
  }

  private static NodeRecord record(ResultSet rows) throws SQLException {
    String how = rows.getString(6);
    return new NodeRecord(
        rows.getString(1),
        rows.getString(2),
        instant(rows, 3),
        instant(rows, 4),
        instant(rows, 5),
        how == null ? null : NodeEnd.valueOf(how),
        rows.getString(7),
        instant(rows, 8));
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return Timestamps.toInstant(rows.getObject(column, LocalDateTime.class));
  }

  private static LocalDateTime at(Instant instant) {
    return Timestamps.fromInstant(instant);
  }
}
