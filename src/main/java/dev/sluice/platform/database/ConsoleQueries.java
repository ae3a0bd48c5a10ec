package dev.sluice.platform.database;

import dev.sluice.platform.config.Durations;
import dev.sluice.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.persistence.QueryTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin console's statement timeout ({@code sluice.admin.query-timeout}, 5 s by default), for
 * JPA queries and JDBC statements alike: every console query is bounded by it, and one that runs
 * past it is cancelled by the database and answered 503 with {@code Retry-After} instead of holding
 * a request thread and a connection. PostgreSQL and H2 report the cancellation as SQLState 57014
 * rather than {@link SQLTimeoutException}; both count.
 *
 * <p>Not on H2: its statement timeout is its session's (JDBC's {@code setQueryTimeout} on one
 * statement applies to every later statement of the connection, measured), so a bounded console
 * query would hand the pool a connection that cancels the next long statement (a batch selecting
 * 100,000 documents) after 5 s. The embedded database runs console queries unbounded.
 */
@ApplicationScoped
public class ConsoleQueries {

  /** What PostgreSQL and H2 both report for a statement cancelled by its timeout. */
  static final String CANCELLED = "57014";

  /** Seconds a client should wait before asking again. */
  static final int RETRY_AFTER_SECONDS = 5;

  @Inject
  @ConfigProperty(name = "sluice.admin.query-timeout", defaultValue = "5s")
  String timeout;

  @Resource(lookup = "java:comp/env/jdbc/sluice")
  DataSource dataSource;

  private int timeoutMillis;
  private boolean sessionWide;

  @PostConstruct
  void readTimeout() {
    timeoutMillis = (int) Math.max(1, Durations.parse(timeout).toMillis());
    sessionWide = dataSource != null && SessionTimeouts.sessionWide(dataSource);
  }

  /** A console reading with the given timeout, outside the container (tests, tools). */
  public static ConsoleQueries of(String timeout) {
    ConsoleQueries queries = new ConsoleQueries();
    queries.timeout = timeout;
    queries.readTimeout();
    return queries;
  }

  /** The JPA query, with the console's timeout. */
  public <Q extends Query> Q bounded(Q query) {
    if (!sessionWide) {
      query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
    }
    return query;
  }

  /** A JDBC statement with the console's timeout (JDBC counts whole seconds: rounded up). */
  public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (!sessionWide) {
      statement.setQueryTimeout(Math.max(1, (timeoutMillis + 999) / 1000));
    }
    return statement;
  }

  /** Runs a bounded JPA query, turning its timeout into a 503. */
  public <T> T run(Supplier<T> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      if (isTimeout(e)) {
        throw tooSlow();
      }
      throw e;
    }
  }

  /** The error to answer for a failed JDBC console query: a 503 for a timeout, else unchecked. */
  public RuntimeException failure(SQLException e) {
    return isTimeout(e) ? tooSlow() : new IllegalStateException("console query failed", e);
  }

  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        for (SQLException x = sql; x != null; x = x.getNextException()) {
          if (CANCELLED.equals(x.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private ProblemException tooSlow() {
    return ProblemException.unavailable(
        "the query ran longer than the console allows ("
            + timeoutMillis
            + " ms); narrow the filters or try again later",
        RETRY_AFTER_SECONDS);
  }
}
