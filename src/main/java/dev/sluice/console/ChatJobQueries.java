package dev.sluice.console;

import dev.sluice.platform.database.ConsoleQueries;
import dev.sluice.platform.database.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Counts chat answers by state with range scans of {@code ix_chat_message_status}: the queued and
 * streaming ones (few at any time), and those ended in the last hour.
 */
final class ChatJobQueries {

  private static final String LIVE =
      "SELECT status, COUNT(*) FROM chat_message WHERE status IN ('QUEUED', 'STREAMING')"
          + " GROUP BY status";

  private static final String ENDED_SINCE =
      "SELECT status, COUNT(*) FROM chat_message WHERE status IN ('COMPLETED', 'FAILED')"
          + " AND updated_at >= ? AND role = 'ASSISTANT' GROUP BY status";

  private final DataSource dataSource;
  private final ConsoleQueries query;

  ChatJobQueries(DataSource dataSource, ConsoleQueries query) {
    this.dataSource = dataSource;
    this.query = query;
  }

  ChatJobCounts counts(Instant now) {
    long queued = 0;
    long running = 0;
    long completed = 0;
    long failed = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement live = query.prepare(c, LIVE);
        PreparedStatement ended = query.prepare(c, ENDED_SINCE)) {
      try (ResultSet r = live.executeQuery()) {
        while (r.next()) {
          if ("QUEUED".equals(r.getString(1))) {
            queued = r.getLong(2);
          } else {
            running = r.getLong(2);
          }
        }
      }
      ended.setObject(1, Timestamps.fromInstant(now.minusSeconds(3600)));
      try (ResultSet r = ended.executeQuery()) {
        while (r.next()) {
          if ("COMPLETED".equals(r.getString(1))) {
            completed = r.getLong(2);
          } else {
            failed = r.getLong(2);
          }
        }
      }
    } catch (SQLException e) {
      throw query.failure(e);
    }
    return new ChatJobCounts(queued, running, completed, failed);
  }
}
