package dev.sluice.platform.health;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
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

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

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
   * The runtime can create some of its tables and silently fail on others (H2 without the right URL
   * flags); the job parameter table is the one that fails first, so its presence is checked.
   */
  private boolean batchTablesPresent() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT COUNT(*) FROM JBATCH.WLPJOBPARAMETER WHERE 1 = 0");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
