package dev.sluice.generations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.platform.database.ConsoleQueries;
import dev.sluice.platform.database.MigratedH2;
import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.rest.PageCursor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer, the console's queries and the purge against H2 with the real migrations: what is
 * written is found by every filter, pages follow each other without gaps or repeats, daily totals
 * match the rows, and the purge spares the records of a batch still running.
 */
class GenerationStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

  private DataSource dataSource;
  private GenerationQueries queries;
  private final GenerationWriter writer = new GenerationWriter();

  @BeforeEach
  void freshDatabase() {
    dataSource = MigratedH2.fresh();
    queries = new GenerationQueries();
    queries.dataSource = dataSource;
    queries.query = ConsoleQueries.of("5s");
  }

  @Test
  void pagesWalkEveryMatchingRowNewestFirstWithoutRepeats() throws SQLException {
    List<Generation> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // Pairs share a start time, so the id must break ties.
      rows.add(row("g" + (100 + i), T0.plusSeconds(i / 2), i % 3 == 0 ? "ops" : "demo", null));
    }
    write(rows);

    List<String> seen = new ArrayList<>();
    PageCursor<LocalDateTime> cursor = null;
    GenerationFilter demo = GenerationFilter.parse(null, null, "demo", null, null, null);
    for (int page = 0; page < 10; page++) {
      List<Generation> got = queries.page(demo, cursor, 4);
      if (got.isEmpty()) {
        break;
      }
      got.forEach(g -> seen.add(g.id()));
      Generation last = got.get(got.size() - 1);
      cursor = new PageCursor<>(Timestamps.fromInstant(last.startedAt()), last.id());
    }

    List<String> expected =
        rows.stream()
            .filter(g -> g.owner().equals("demo"))
            .sorted(
                (a, b) ->
                    a.startedAt().equals(b.startedAt())
                        ? b.id().compareTo(a.id())
                        : b.startedAt().compareTo(a.startedAt()))
            .map(Generation::id)
            .toList();
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void theEstimatedMarkIsStoredAndReadBack() throws SQLException {
    Generation reported = row("r1", T0, "demo", null);
    Generation estimated = estimated(row("e1", T0.plusSeconds(1), "demo", null));
    write(List.of(reported, estimated));

    assertThat(queries.find("e1").orElseThrow().usageEstimated()).isTrue();
    assertThat(queries.find("r1").orElseThrow().usageEstimated()).isFalse();
    assertThat(queries.page(GenerationFilter.parse(null, null, "demo", null, null, null), null, 10))
        .extracting(Generation::id, Generation::usageEstimated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e1", true),
            org.assertj.core.groups.Tuple.tuple("r1", false));
  }

  private static Generation estimated(Generation g) {
    return new Generation(
        g.id(),
        g.startedAt(),
        g.endedAt(),
        g.source(),
        g.reference(),
        g.batchId(),
        g.owner(),
        g.model(),
        g.answeredModel(),
        g.provider(),
        g.priority(),
        g.status(),
        g.errorKind(),
        g.errorMessage(),
        g.attemptCount(),
        g.attemptsJson(),
        g.fallbackChain(),
        g.gateWaitMs(),
        g.timeToFirstTokenMs(),
        g.totalMs(),
        g.inputTokens(),
        g.outputTokens(),
        true,
        g.costUsd(),
        g.prompt(),
        g.answer());
  }

  @Test
  void filtersAndTotalsAgreeWithTheRows() throws SQLException {
    Generation failed = row("f1", T0, "demo", null);
    failed =
        new Generation(
            failed.id(),
            failed.startedAt(),
            failed.endedAt(),
            failed.source(),
            null,
            null,
            "demo",
            "sim-large",
            null,
            "simulated",
            "HIGH",
            GenerationStatus.FAILED,
            "SERVER_ERROR",
            "upstream answered 500",
            1,
            "[]",
            "sim-large",
            0,
            null,
            10,
            0,
            0,
            false,
            BigDecimal.ZERO,
            null,
            null);
    write(List.of(row("a", T0, "demo", null), row("b", T0.plusSeconds(1), "ops", null), failed));
    write(List.of(row("c", T0.plusSeconds(86_400), "demo", null)));

    assertThat(
            queries.page(GenerationFilter.parse("failed", null, null, null, null, null), null, 10))
        .extracting(Generation::id)
        .containsExactly("f1");
    assertThat(
            queries.page(
                GenerationFilter.parse(null, "sim-large", null, null, null, null), null, 10))
        .extracting(Generation::id)
        .containsExactly("f1");
    assertThat(
            queries.page(
                GenerationFilter.parse(null, null, null, null, "2026-11-21", null), null, 10))
        .extracting(Generation::id)
        .containsExactly("c");
    assertThat(queries.find("f1"))
        .get()
        .extracting(Generation::errorKind)
        .isEqualTo("SERVER_ERROR");

    GenerationQueries.Totals day = queries.day(LocalDate.parse("2026-11-20"));
    assertThat(day.calls()).isEqualTo(3);
    assertThat(day.failed()).isEqualTo(1);
    assertThat(day.inputTokens()).isEqualTo(20);
    assertThat(
            queries.totals(
                GenerationQueries.Grouping.USER,
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30")))
        .extracting(GenerationQueries.Totals::key, GenerationQueries.Totals::calls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("demo", 3L),
            org.assertj.core.groups.Tuple.tuple("ops", 1L));
  }

  @Test
  void thePurgeSparesRecordsOfABatchStillRunningAndKeepsTheTotals() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO analysis_batch (id, owner, status, analyses, priority, max_concurrency,"
              + " partitions, item_count, created_at, updated_at) VALUES ('running', 'demo',"
              + " 'STARTED', 'summary', 'BATCH', 4, 1, 1, TIMESTAMP '2026-11-01 00:00:00',"
              + " TIMESTAMP '2026-11-01 00:00:00')");
    }
    write(
        List.of(
            row("old", T0.minusSeconds(86_400 * 10), "demo", null),
            row("old-of-running-batch", T0.minusSeconds(86_400 * 10), "demo", "running"),
            row("old-of-deleted-batch", T0.minusSeconds(86_400 * 10), "demo", "gone"),
            row("new", T0, "demo", null)));

    long deleted = new GenerationPurge(dataSource, 1).purgeBefore(T0.minusSeconds(86_400));

    assertThat(deleted).isEqualTo(2);
    List<Generation> left = queries.page(GenerationFilter.ANY, null, 10);
    assertThat(left)
        .extracting(Generation::id)
        .containsExactlyInAnyOrder("new", "old-of-running-batch");
    assertThat(
            queries.totals(
                GenerationQueries.Grouping.DAY,
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30")))
        .extracting(GenerationQueries.Totals::calls)
        .containsExactly(3L, 1L);
  }

  private void write(List<Generation> rows) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      writer.write(c, rows);
    }
  }

  private static Generation row(String id, Instant start, String owner, String batch) {
    return new Generation(
        id,
        start,
        start.plusMillis(900),
        batch == null ? CallOrigin.Source.CHAT : CallOrigin.Source.BATCH,
        "ref-" + id,
        batch,
        owner,
        "sim-small",
        "sim-small",
        "simulated",
        "HIGH",
        GenerationStatus.COMPLETED,
        null,
        null,
        1,
        "[]",
        "sim-small",
        3,
        120L,
        900,
        10,
        4,
        false,
        new BigDecimal("0.0001"),
        null,
        null);
  }
}
