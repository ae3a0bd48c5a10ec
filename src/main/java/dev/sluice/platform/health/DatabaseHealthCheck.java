package dev.sluice.platform.health;

import dev.sluice.platform.database.SessionTimeouts;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the application database answers and the batch job repository (in the same database)
 * can be read. Reports the database product, never its URL or credentials.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  // By lookup, not name: WildFly injects its default datasource into a name-only DataSource
  // reference; the web.xml reference is bound on both servers (Liberty by name, jboss-web.xml).
  @Resource(lookup = "java:comp/env/jdbc/sluice")
  DataSource dataSource;

  /**
   * Created with the application, so the reference is resolved on a thread of the application:
   * WildFly runs health checks on its management threads, where java:comp names are not bound.
   */
  void created(@Observes @Initialized(ApplicationScoped.class) Object started) {}

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      health
          .withData("product", meta.getDatabaseProductName())
          .withData("version", meta.getDatabaseProductVersion())
          .withData("valid", connection.isValid(2));
      if (!connection.isValid(2)) {
        return health.down().build();
      }
    } catch (SQLException e) {
      return health.down().withData("error", e.getClass().getSimpleName()).build();
    }
    try {
      // Reading job names makes the batch runtime create its tables on first use.
      health.withData("batchJobs", BatchRuntime.getJobOperator().getJobNames().size());
    } catch (RuntimeException e) {
      return health.down().withData("batchRepository", "unavailable").build();
    }
    return batchTablesPresent()
        ? health.up().build()
        : health.down().withData("batchRepository", "incomplete").build();
  }

  /**
   * The batch runtime's own tables, one probe per server: Liberty's can create some of its tables
   * and silently fail on others (H2 without the right URL flags), the job parameter table first;
   * WildFly's JBeret has its tables only with a JDBC job repository (in memory it forgets jobs, and
   * restarts after a crash are impossible).
   */
  static final List<String> BATCH_TABLE_PROBES =
      List.of(
          "SELECT COUNT(*) FROM JBATCH.WLPJOBPARAMETER WHERE 1 = 0",
          "SELECT COUNT(*) FROM JOB_EXECUTION WHERE 1 = 0");

  private boolean batchTablesPresent() {
    for (String probe : BATCH_TABLE_PROBES) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(2);
        try {
          statement.execute(probe);
        } finally {
          // On H2 the timeout would stay on the pooled connection (SessionTimeouts).
          SessionTimeouts.clear(statement);
        }
        return true;
      } catch (SQLException e) {
        // not this server's repository; try the next
      }
    }
    return false;
  }
}
