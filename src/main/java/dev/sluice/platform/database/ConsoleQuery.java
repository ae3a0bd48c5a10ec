package dev.sluice.platform.database;

import dev.sluice.platform.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Statements for the admin console's reads, each with a timeout: a query that runs too long is
 * cancelled by the database and answered with a clean 503 (and {@code Retry-After}) instead of
 * holding a request thread and a connection. PostgreSQL reports the cancellation as SQLState 57014
 * rather than {@link SQLTimeoutException}; both count.
 */
public final class ConsoleQuery {

  private static final String QUERY_CANCELED = "57014";
  private static final int RETRY_AFTER_SECONDS = 5;

  private final int timeoutSeconds;

  public ConsoleQuery(int timeoutSeconds) {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("timeoutSeconds must be at least 1");
    }
    this.timeoutSeconds = timeoutSeconds;
  }

  public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(timeoutSeconds);
    return statement;
  }

  /** The error to answer for a failed console query: a 503 for a timeout, else unchecked. */
  public RuntimeException failure(SQLException e) {
    if (timedOut(e)) {
      return ProblemException.unavailable(
          "the query took longer than "
              + timeoutSeconds
              + " s and was cancelled; try a narrower"
              + " filter or try again",
          RETRY_AFTER_SECONDS);
    }
    return new IllegalStateException("console query failed", e);
  }

  static boolean timedOut(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x instanceof SQLTimeoutException || QUERY_CANCELED.equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
