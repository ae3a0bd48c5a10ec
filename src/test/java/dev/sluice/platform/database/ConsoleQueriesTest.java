package dev.sluice.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConsoleQueriesTest {

  @Test
  void aCancelledStatementIsATimeoutWhereverItIsWrapped() {
    assertThat(ConsoleQueries.isTimeout(new QueryTimeoutException("slow"))).isTrue();
    assertThat(
            ConsoleQueries.isTimeout(
                new PersistenceException(
                    new SQLException("canceling statement due to statement timeout", "57014"))))
        .isTrue();
    assertThat(ConsoleQueries.isTimeout(new PersistenceException(new SQLException("x", "23505"))))
        .isFalse();
    assertThat(ConsoleQueries.isTimeout(new IllegalStateException())).isFalse();
  }

  @Test
  void aTimeoutBecomesA503AndOtherFailuresPassThrough() {
    ConsoleQueries queries = ConsoleQueries.of("2s");

    assertThatThrownBy(
            () ->
                queries.run(
                    () -> {
                      throw new QueryTimeoutException("slow");
                    }))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
    assertThatThrownBy(
            () ->
                queries.run(
                    () -> {
                      throw new IllegalStateException("other");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(queries.run(() -> 42)).isEqualTo(42);
  }
}
