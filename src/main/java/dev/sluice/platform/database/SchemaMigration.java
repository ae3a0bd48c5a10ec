package dev.sluice.platform.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the application's tables up to date with {@code db/migration} when the application starts.
 * A failed migration fails the deployment: serving requests against a schema the entities do not
 * match would only fail later and less clearly.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  /**
   * The history table lives in the connection's default schema (PUBLIC / public), away from the
   * batch runtime's JBATCH schema; its name says whose it is.
   */
  static final String HISTORY_TABLE = "flyway_schema_history";

  static final String LOCATION = "classpath:db/migration";

  // By lookup, not name: WildFly injects its default datasource into a name-only DataSource
  // reference; the web.xml reference is bound on both servers (Liberty by name, jboss-web.xml).
  @Resource(lookup = "java:comp/env/jdbc/sluice")
  DataSource dataSource;

  /**
   * First of the start-up observers: the others read the tables (orphaned batches, answers left
   * streaming) or start work that does, and unordered observers had WildFly run the batch takeover
   * against a fresh database before its tables existed.
   */
  void migrate(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object started) {
    try {
      MigrateResult result = migrate(dataSource);
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      if (version == null) {
        throw new IllegalStateException("no migration found in " + LOCATION);
      }
      LOG.info(
          () ->
              "database schema at version "
                  + version
                  + " ("
                  + result.migrationsExecuted
                  + " migration(s) applied now)");
    } catch (FlywayException | IllegalStateException e) {
      throw new IllegalStateException(
          "Sluice cannot start: migrating the database schema (jdbc/sluice, db/migration) failed: "
              + e.getMessage(),
          e);
    }
  }

  /** Applies the pending migrations to a database; also used by tools that prepare one. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        // Liberty's class loader lists no class path directories, so Flyway finds a location
        // by its empty marker file flyway.location; db/callback (always probed) has one too.
        // Without the marker Flyway would find no script and "succeed" on an empty schema.
        .failOnMissingLocations(true)
        .table(HISTORY_TABLE)
        // WildFly's batch runtime (JBeret) creates its job repository tables in the default
        // schema when the server starts, so the schema is not empty at the first migration; a
        // baseline at version 0 then lets every migration run, as on an empty schema.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(DatabaseDialect.of(dataSource).placeholders())
        .load()
        .migrate();
  }
}
