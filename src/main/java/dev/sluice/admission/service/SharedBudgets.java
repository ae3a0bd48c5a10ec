package dev.sluice.admission.service;

import dev.sluice.admission.SharedLanes;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether lanes spend budgets shared by every server of a cluster ({@code
 * sluice.cluster.shared-budgets}): then each lane's requests and tokens per period are Bucket4j
 * buckets in the {@code lane_budget} table of the shared PostgreSQL database, so N servers send the
 * provider what one would. Off, each server's budgets live in its memory (one server alone).
 */
@ApplicationScoped
public class SharedBudgets {

  private static final Logger LOG = Logger.getLogger(SharedBudgets.class.getName());

  @Inject
  @ConfigProperty(name = "sluice.cluster.shared-budgets", defaultValue = "false")
  boolean enabled;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private SharedLanes lanes;

  @PostConstruct
  void init() {
    if (!enabled) {
      return;
    }
    if (!onPostgreSql()) {
      // Several servers cannot share an H2 file: a cluster without PostgreSQL is a mistake, and
      // running on with per-server budgets would multiply what reaches the provider.
      throw new IllegalStateException(
          "sluice.cluster.shared-budgets needs the PostgreSQL database (SLUICE_DB=postgresql)");
    }
    lanes =
        new SharedLanes(
            Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("lane_budget")
                .idColumn("id")
                .stateColumn("state")
                .build(),
            executor);
    LOG.info("lane budgets are shared by the cluster (table lane_budget)");
  }

  /** The shared lanes, when budgets are shared. */
  Optional<SharedLanes> lanes() {
    return Optional.ofNullable(lanes);
  }

  private boolean onPostgreSql() {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }
}
