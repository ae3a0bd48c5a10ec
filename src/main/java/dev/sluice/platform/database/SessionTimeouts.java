package dev.sluice.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * H2 keeps a statement's query timeout for the whole session: after {@code setQueryTimeout(2)} on
 * one statement, every later statement of that connection is cancelled after 2 s, also once the
 * pool has handed the connection to someone else. PostgreSQL's timeout is the statement's own.
 */
public final class SessionTimeouts {

  private static final Logger LOG = Logger.getLogger(SessionTimeouts.class.getName());

  private SessionTimeouts() {}

  /** Whether the database behind {@code dataSource} keeps statement timeouts per session (H2). */
  public static boolean sessionWide(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "the database's product name could not be read", e);
      return false;
    }
  }

  /**
   * Clears a statement's timeout before its connection goes back to the pool (on H2 it would
   * otherwise stay on the connection).
   */
  public static void clear(Statement statement) {
    try {
      statement.setQueryTimeout(0);
    } catch (SQLException e) {
      // A statement that cannot take it is one whose connection is going anyway.
    }
  }
}
