package dev.sluice.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {

  private final JdbcDataSource h2 = new JdbcDataSource();

  {
    h2.setURL("jdbc:h2:mem:session-timeouts;DB_CLOSE_DELAY=-1");
  }

  @Test
  void onH2AStatementsTimeoutStaysWithTheConnectionUntilItIsCleared() throws Exception {
    assertThat(SessionTimeouts.sessionWide(h2)).isTrue();
    try (Connection connection = h2.getConnection()) {
      try (Statement bounded = connection.createStatement()) {
        bounded.setQueryTimeout(2);
        bounded.execute("SELECT 1");
      }
      try (Statement next = connection.createStatement()) {
        assertThat(next.getQueryTimeout()).as("H2 keeps it for the session").isEqualTo(2);
      }
      try (Statement bounded = connection.createStatement()) {
        bounded.setQueryTimeout(2);
        bounded.execute("SELECT 1");
        SessionTimeouts.clear(bounded);
      }
      try (Statement next = connection.createStatement()) {
        assertThat(next.getQueryTimeout()).isZero();
      }
    }
  }
}
