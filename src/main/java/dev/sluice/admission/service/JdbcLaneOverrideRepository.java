package dev.sluice.admission.service;

import dev.sluice.admission.LaneLimit;
import dev.sluice.admission.LaneOverride;
import dev.sluice.platform.database.Timestamps;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Lane overrides in the {@code lane_settings} table (V8), one row per lane, a null column for a
 * limit that keeps its configured value. Plain JDBC: four numbers per row need no entity.
 */
@ApplicationScoped
public class JdbcLaneOverrideRepository implements LaneOverrideRepository {

  // Column order matches LaneLimit's order.
  private static final String COLUMNS =
      "lane, max_in_flight, requests_per_minute, tokens_per_minute, max_queued, updated_at,"
          + " updated_by";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM lane_settings";
  private static final String UPDATE =
      "UPDATE lane_settings SET max_in_flight = ?, requests_per_minute = ?, tokens_per_minute = ?,"
          + " max_queued = ?, updated_at = ?, updated_by = ? WHERE lane = ?";
  private static final String INSERT =
      "INSERT INTO lane_settings (max_in_flight, requests_per_minute, tokens_per_minute,"
          + " max_queued, updated_at, updated_by, lane) VALUES (?, ?, ?, ?, ?, ?, ?)";

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Override
  public List<LaneOverride> all() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT + " ORDER BY lane");
        ResultSet rows = statement.executeQuery()) {
      List<LaneOverride> overrides = new ArrayList<>();
      while (rows.next()) {
        overrides.add(read(rows));
      }
      return overrides;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the lane overrides failed", e);
    }
  }

  @Override
  public Optional<LaneOverride> find(String lane) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE lane = ?")) {
      statement.setString(1, lane);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the override of lane " + lane + " failed", e);
    }
  }

  @Override
  public void save(LaneOverride override) {
    try (Connection connection = dataSource.getConnection()) {
      if (write(connection, UPDATE, override) == 0) {
        write(connection, INSERT, override);
      }
    } catch (SQLException e) {
      // Another server may have inserted the row between our update and insert: update it.
      try (Connection connection = dataSource.getConnection()) {
        if (write(connection, UPDATE, override) == 1) {
          return;
        }
      } catch (SQLException retry) {
        e.addSuppressed(retry);
      }
      throw new IllegalStateException("saving the override of lane " + override.lane(), e);
    }
  }

  @Override
  public boolean delete(String lane) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM lane_settings WHERE lane = ?")) {
      statement.setString(1, lane);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("removing the override of lane " + lane + " failed", e);
    }
  }

  private static int write(Connection connection, String sql, LaneOverride override)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (LaneLimit limit : LaneLimit.values()) {
        Long value = override.get(limit);
        boolean count = limit == LaneLimit.MAX_IN_FLIGHT || limit == LaneLimit.MAX_QUEUED;
        if (value == null) {
          statement.setNull(index++, count ? Types.INTEGER : Types.BIGINT);
        } else if (count) {
          statement.setInt(index++, value.intValue());
        } else {
          statement.setLong(index++, value);
        }
      }
      statement.setObject(index++, Timestamps.fromInstant(override.updatedAt()));
      statement.setString(index++, override.updatedBy());
      statement.setString(index, override.lane());
      return statement.executeUpdate();
    }
  }

  private static LaneOverride read(ResultSet row) throws SQLException {
    Map<LaneLimit, Long> values = new EnumMap<>(LaneLimit.class);
    int column = 2;
    for (LaneLimit limit : LaneLimit.values()) {
      long value = row.getLong(column++);
      if (!row.wasNull()) {
        values.put(limit, value);
      }
    }
    LocalDateTime updatedAt = row.getObject(column++, LocalDateTime.class);
    return new LaneOverride(
        row.getString(1), values, Timestamps.toInstant(updatedAt), row.getString(column));
  }
}
