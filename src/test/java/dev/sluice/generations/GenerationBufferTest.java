package dev.sluice.generations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.CallOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationBufferTest {

  @Test
  void dropsTheNewestWhenFullAndCountsThem() {
    GenerationBuffer buffer = new GenerationBuffer(2);
    assertThat(buffer.offer(row("a"))).isTrue();
    assertThat(buffer.offer(row("b"))).isTrue();
    assertThat(buffer.offer(row("c"))).isFalse();

    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.drain(10)).extracting(Generation::id).containsExactly("a", "b");
    assertThat(buffer.size()).isZero();
  }

  @Test
  void rowsPutBackAfterAFailedWriteComeFirstInTheirOrder() {
    GenerationBuffer buffer = new GenerationBuffer(3);
    buffer.offer(row("a"));
    buffer.offer(row("b"));
    List<Generation> taken = buffer.drain(2);
    buffer.offer(row("c"));
    buffer.offer(row("d"));

    buffer.putBack(taken);

    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.drain(10)).extracting(Generation::id).containsExactly("b", "c", "d");
  }

  @Test
  void dailyTotalsSumByDayOwnerAndModel() {
    List<Generation> rows =
        List.of(
            row("a", "2026-11-22T23:59:59Z", "demo", false),
            row("b", "2026-11-22T10:00:00Z", "demo", true),
            row("c", "2026-11-23T00:00:00Z", "demo", false),
            row("d", "2026-11-22T10:00:00Z", "ops", false));

    List<DailyTotals.Total> totals = List.copyOf(DailyTotals.of(rows));

    assertThat(totals).hasSize(3);
    DailyTotals.Total first = totals.get(0);
    assertThat(first.key().day()).hasToString("2026-11-22");
    assertThat(first.key().owner()).isEqualTo("demo");
    assertThat(first.calls()).isEqualTo(2);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(first.inputTokens()).isEqualTo(20);
    assertThat(first.cost()).isEqualByComparingTo("0.02");
  }

  private static Generation row(String id) {
    return row(id, "2026-11-22T10:00:00Z", "demo", false);
  }

  private static Generation row(String id, String at, String owner, boolean failed) {
    Instant start = Instant.parse(at);
    return new Generation(
        id,
        start,
        start,
        CallOrigin.Source.CHAT,
        null,
        null,
        owner,
        "sim-small",
        null,
        "simulated",
        "HIGH",
        failed ? GenerationStatus.FAILED : GenerationStatus.COMPLETED,
        null,
        null,
        1,
        "[]",
        "sim-small",
        0,
        null,
        10,
        10,
        5,
        false,
        new BigDecimal("0.01"),
        null,
        null);
  }
}
