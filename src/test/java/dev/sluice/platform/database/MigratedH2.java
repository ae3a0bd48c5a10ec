package dev.sluice.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A test's own in-memory H2 database with the real migrations applied (in the server's H2 mode),
 * and plain statements against it: for tests of SQL that runs without a container.
 */
public final class MigratedH2 {

  private MigratedH2() {}

  /** A new, empty database at the schema's latest version; it lives until the JVM ends. */
  public static DataSource fresh() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    SchemaMigration.migrate(dataSource);
    return dataSource;
  }

  /** Runs one statement with {@code values} for its parameters, in a transaction of its own. */
  public static void update(DataSource dataSource, String statement, Object... values)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** A query's rows, each value as a string (a timestamp as its {@code LocalDateTime}). */
  public static List<List<String>> rows(DataSource dataSource, String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(query);
        ResultSet r = s.executeQuery()) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = r.getObject(i);
          row.add(
              value instanceof Timestamp t
                  ? t.toLocalDateTime().toString()
                  : String.valueOf(value));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
