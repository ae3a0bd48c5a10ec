package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * The summary's arithmetic: Sluice's percentile less the simulator's own, percentile by percentile.
 */
class ComparisonTest {

  private static final long MS = 1_000_000;

  @Test
  void addedIsTheDifferenceOfTheSamePercentiles() {
    LatencyHistogram sluice = new LatencyHistogram();
    LatencyHistogram direct = new LatencyHistogram();
    for (int i = 1; i <= 100; i++) {
      sluice.record((600 + i) * MS); // 601 .. 700 ms
      direct.record((500 + i / 10) * MS); // 500 .. 510 ms
    }

    Comparison c = Comparison.of(sluice, direct);

    assertThat(c.sluiceP50()).isCloseTo(650.05, offset(0.01));
    assertThat(c.directP50()).isCloseTo(505.05, offset(0.01));
    assertThat(c.addedP50()).isCloseTo(145.0, offset(0.01));
    assertThat(c.sluiceP99()).isCloseTo(699.05, offset(0.01));
    assertThat(c.addedP99()).isCloseTo(699.05 - 509.05, offset(0.01));
    assertThat(c.sluiceMax()).isCloseTo(700.05, offset(0.01));
    assertThat(c.addedMax()).isCloseTo(190.0, offset(0.01));
  }

  @Test
  void aSideWithNothingRecordedHasNoFigure() {
    LatencyHistogram some = new LatencyHistogram();
    some.record(5 * MS);

    Comparison c = Comparison.of(some, new LatencyHistogram());

    assertThat(c.addedP50()).isNaN();
    assertThat(ChatReport.ms(c.addedP50())).isEqualTo("—");
  }

  @Test
  void millisecondsReadEasily() {
    assertThat(ChatReport.ms(12.345)).isEqualTo("12.3 ms");
    assertThat(ChatReport.ms(-3.0)).isEqualTo("-3.0 ms");
    assertThat(ChatReport.ms(12_345.6)).isEqualTo("12,346 ms");
  }
}
