package dev.sluice.documents.batch.admin;

import dev.sluice.platform.config.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's statement timeout ({@code sluice.admin.query-timeout}): every console query is
 * bounded by it, and one that runs past it becomes a {@link QueryTooSlowException} (503 with
 * Retry-After) instead of a request that hangs or a 500.
 */
@ApplicationScoped
public class ConsoleQueries {

  /** What PostgreSQL and H2 both report for a statement cancelled by its timeout. */
  static final String CANCELLED = "57014";

  @Inject
  @ConfigProperty(name = "sluice.admin.query-timeout", defaultValue = "5s")
  String timeout;

  private int timeoutMillis;

  @PostConstruct
  void readTimeout() {
    timeoutMillis = (int) Math.max(1, Durations.parse(timeout).toMillis());
  }

  /** The query, with the console's timeout. */
  public <Q extends Query> Q bounded(Q query) {
    query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
    return query;
  }

  /** Runs a bounded query, turning its timeout into a 503. */
  public <T> T run(Supplier<T> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      if (isTimeout(e)) {
        throw new QueryTooSlowException(timeoutMillis);
      }
      throw e;
    }
  }

  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql && CANCELLED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
