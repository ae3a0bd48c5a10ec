package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which database the bench server runs on, and what the report says of it. */
class BenchDatabaseTest {

  @Test
  void withoutSettingsItIsH2AndNothingIsPassedOn() {
    BenchDatabase db = BenchDatabase.of(Map.of("PATH", "/bin"));

    assertThat(db.isH2()).isTrue();
    assertThat(db.settings()).isEmpty();
    assertThat(db.describe()).startsWith("H2 (a file database");
  }

  @Test
  void postgresqlSettingsArePassedOnAndReportedWithoutThePassword() {
    BenchDatabase db =
        BenchDatabase.of(
            Map.of(
                "SLUICE_DB", "postgresql",
                "SLUICE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/sluice_chats?password=secret",
                "SLUICE_DB_USER", "postgres",
                "SLUICE_DB_PASSWORD", "secret",
                "BENCH_DB_RECREATED", "yes"));

    assertThat(db.settings())
        .containsOnlyKeys("SLUICE_DB", "SLUICE_DB_URL", "SLUICE_DB_USER", "SLUICE_DB_PASSWORD");
    assertThat(db.describe())
        .isEqualTo(
            "PostgreSQL `jdbc:postgresql://127.0.0.1:5432/sluice_chats?password=***` as"
                + " `postgres` (dropped and created again by bin/bench-chats before the start)")
        .doesNotContain("secret");
  }

  @Test
  void aDatabaseNotRecreatedIsSaidToBeUsedAsFound() {
    BenchDatabase db =
        BenchDatabase.of(
            Map.of("SLUICE_DB", "postgresql", "SLUICE_DB_URL", "jdbc:postgresql://h/db"));

    assertThat(db.describe()).endsWith("(used as found)");
  }
}
