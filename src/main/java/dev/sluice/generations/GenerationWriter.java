package dev.sluice.generations;

import dev.sluice.platform.database.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.List;

/**
 * Writes generation rows in one JDBC batch and adds them to the daily totals, in one transaction:
 * either both or neither, so the totals always match the rows written.
 */
public final class GenerationWriter {

  private static final String INSERT =
      "INSERT INTO generation (id, started_at, ended_at, source, reference, batch_id, owner, model,"
          + " answered_model, provider, priority, status, error_kind, error_message,"
          + " attempt_count, attempts, fallback_chain, gate_wait_ms, time_to_first_token_ms,"
          + " total_ms, input_tokens, output_tokens, usage_estimated, cost_usd, prompt, answer)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String ADD_TO_DAY =
      "UPDATE generation_daily SET calls = calls + ?, failed = failed + ?,"
          + " input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,"
          + " cost_usd = cost_usd + ? WHERE usage_day = ? AND owner = ? AND model = ?";

  private static final String NEW_DAY =
      "INSERT INTO generation_daily (calls, failed, input_tokens, output_tokens, cost_usd, usage_day,"
          + " owner, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String REBUILD_DAYS =
      "INSERT INTO generation_daily (usage_day, owner, model, calls, failed, input_tokens,"
          + " output_tokens, cost_usd) SELECT CAST(started_at AS DATE), owner, model, COUNT(*),"
          + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), SUM(input_tokens),"
          + " SUM(output_tokens), SUM(cost_usd) FROM generation"
          + " GROUP BY CAST(started_at AS DATE), owner, model";

  /**
   * Writes rows without adding them to the daily totals, for loading many at once; {@link
   * #rebuildDailyTotals} must follow.
   */
  public void writeRowsOnly(Connection connection, List<Generation> rows) throws SQLException {
    inTransaction(connection, c -> insert(c, rows));
  }

  /**
   * Recomputes the daily totals from the records (after a bulk load). Days whose records were
   * purged lose their totals, so this is a loading tool, not maintenance.
   */
  public void rebuildDailyTotals(Connection connection) throws SQLException {
    inTransaction(
        connection,
        c -> {
          try (Statement statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM generation_daily");
            statement.executeUpdate(REBUILD_DAYS);
          }
        });
  }

  /**
   * Writes the rows and commits. Two servers adding to the same new day at once make one insert
   * fail on the key; the whole write then rolls back and the caller tries again later.
   */
  public void write(Connection connection, List<Generation> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    inTransaction(
        connection,
        c -> {
          insert(c, rows);
          addToDays(c, DailyTotals.of(rows));
        });
  }

  /** Work on one connection that must commit whole or not at all. */
  @FunctionalInterface
  private interface SqlWork {
    void run(Connection connection) throws SQLException;
  }

  private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void insert(Connection connection, List<Generation> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Generation g : rows) {
        int i = 0;
        insert.setString(++i, g.id());
        insert.setObject(++i, Timestamps.fromInstant(g.startedAt()));
        insert.setObject(++i, Timestamps.fromInstant(g.endedAt()));
        insert.setString(++i, g.source().name());
        insert.setString(++i, g.reference());
        insert.setString(++i, g.batchId());
        insert.setString(++i, g.owner());
        insert.setString(++i, g.model());
        insert.setString(++i, g.answeredModel());
        insert.setString(++i, g.provider());
        insert.setString(++i, g.priority());
        insert.setString(++i, g.status().name());
        insert.setString(++i, g.errorKind());
        insert.setString(++i, g.errorMessage());
        insert.setInt(++i, g.attemptCount());
        insert.setString(++i, g.attemptsJson());
        insert.setString(++i, g.fallbackChain());
        insert.setLong(++i, g.gateWaitMs());
        if (g.timeToFirstTokenMs() == null) {
          insert.setNull(++i, Types.BIGINT);
        } else {
          insert.setLong(++i, g.timeToFirstTokenMs());
        }
        insert.setLong(++i, g.totalMs());
        insert.setLong(++i, g.inputTokens());
        insert.setLong(++i, g.outputTokens());
        insert.setBoolean(++i, g.usageEstimated());
        insert.setBigDecimal(++i, g.costUsd());
        insert.setString(++i, g.prompt());
        insert.setString(++i, g.answer());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void addToDays(Connection connection, Collection<DailyTotals.Total> totals)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(ADD_TO_DAY);
        PreparedStatement create = connection.prepareStatement(NEW_DAY)) {
      for (DailyTotals.Total t : totals) {
        bind(update, t);
        if (update.executeUpdate() == 0) {
          bind(create, t);
          create.executeUpdate();
        }
      }
    }
  }

  private static void bind(PreparedStatement statement, DailyTotals.Total t) throws SQLException {
    statement.setLong(1, t.calls());
    statement.setLong(2, t.failed());
    statement.setLong(3, t.inputTokens());
    statement.setLong(4, t.outputTokens());
    statement.setBigDecimal(5, t.cost());
    statement.setObject(6, t.key().day());
    statement.setString(7, t.key().owner());
    statement.setString(8, t.key().model());
  }
}
