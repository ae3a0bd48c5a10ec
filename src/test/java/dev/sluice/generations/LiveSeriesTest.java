package dev.sluice.generations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSeriesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:30:20Z");

  @Test
  void countsCallsAndErrorsPerMinuteWithPercentilesOfTheSuccessfulOnes() {
    LiveSeries series = new LiveSeries();
    for (int i = 1; i <= 100; i++) {
      series.record(NOW.minusSeconds(5), i * 10L, false);
    }
    series.record(NOW.minusSeconds(5), 99_999, true);
    series.record(NOW.minusSeconds(60), 500, false);

    List<LiveSeries.Point> hour = series.lastHour(NOW);

    assertThat(hour).hasSize(60);
    LiveSeries.Point current = hour.get(59);
    assertThat(current.minute()).isEqualTo(Instant.parse("2026-11-22T10:30:00Z"));
    assertThat(current.calls()).isEqualTo(101);
    assertThat(current.errors()).isEqualTo(1);
    assertThat(current.p50Ms()).isBetween(495L, 505L);
    assertThat(current.p99Ms()).isBetween(985L, 1000L);
    assertThat(hour.get(58).calls()).isEqualTo(1);
    assertThat(hour.get(0).calls()).isZero();
  }

  @Test
  void forgetsWhatIsOlderThanAnHourAndIgnoresLateArrivals() {
    LiveSeries series = new LiveSeries();
    series.record(NOW.minusSeconds(3600), 100, false);
    series.record(NOW, 100, false);
    series.record(NOW.minusSeconds(3600), 100, false);

    List<LiveSeries.Point> hour = series.lastHour(NOW);

    assertThat(hour.stream().mapToLong(LiveSeries.Point::calls).sum()).isEqualTo(1);
  }

  @Test
  void theClustersHourAddsTheOtherNodesMinutesAndTheirWholeDistributions() {
    LiveSeries here = new LiveSeries();
    LiveSeries there = new LiveSeries();
    for (int i = 0; i < 99; i++) {
      here.record(NOW, 100, false);
    }
    // Another node: fewer calls, all slow. Averaging the two p99s would say about 550 ms.
    for (int i = 0; i < 2; i++) {
      there.record(NOW, 1000, false);
    }
    there.record(NOW, 1000, true);
    there.record(NOW.minusSeconds(120), 300, false);

    List<LiveSeries.Point> hour = here.lastHour(NOW, there.shares(NOW));

    LiveSeries.Point current = hour.get(59);
    assertThat(current.calls()).isEqualTo(102);
    assertThat(current.errors()).isEqualTo(1);
    assertThat(current.p50Ms()).isBetween(99L, 101L);
    assertThat(current.p99Ms()).isBetween(990L, 1010L);
    assertThat(hour.get(57).calls()).isEqualTo(1);
    assertThat(hour.get(57).p50Ms()).isBetween(298L, 302L);
    // Merging left this node's own series as it was.
    assertThat(here.lastHour(NOW).get(59).calls()).isEqualTo(99);
    assertThat(there.shares(NOW)).hasSize(2);
  }

  @Test
  void anUnreadableShareStillCountsItsCalls() {
    LiveSeries here = new LiveSeries();
    var share = new LiveSeries.MinuteShare(NOW.getEpochSecond() / 60, 5, 1, "not a histogram");

    LiveSeries.Point current = here.lastHour(NOW, List.of(share)).get(59);

    assertThat(current.calls()).isEqualTo(5);
    assertThat(current.errors()).isEqualTo(1);
  }
}
