package dev.sluice.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The little that differs between the two databases Sluice runs on, as Flyway placeholders for the
 * migrations (for example {@code ${binary_type}}); every other statement is written for both.
 */
enum DatabaseDialect {
  POSTGRESQL("BYTEA"),
  H2("VARBINARY");

  private final String binaryType;

  DatabaseDialect(String binaryType) {
    this.binaryType = binaryType;
  }

  Map<String, String> placeholders() {
    return Map.of("binary_type", binaryType);
  }

  static DatabaseDialect of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return of(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's product name", e);
    }
  }

  static DatabaseDialect of(String productName) {
    return productName.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
  }
}
