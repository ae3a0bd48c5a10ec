package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The intake scenario's accounting: only what arrived inside the window counts. */
class ClosedLoopTest {

  private static final long MS = 1_000_000;

  private final ClosedLoop loop = new ClosedLoop(() -> 0);

  @Test
  void countsOnlyEventsThatArrivedInsideTheWindow() {
    loop.asked();
    loop.accepted(true, 0, 50 * MS); // during the ramp
    assertThat(loop.started(0, 90 * MS)).isTrue();

    loop.openWindow(100 * MS);
    loop.asked();
    loop.accepted(true, 95 * MS, 105 * MS);
    loop.started(95 * MS, 600 * MS);
    loop.asked();
    loop.accepted(false, 600 * MS, 610 * MS);
    loop.failed(610 * MS);
    loop.asked();
    loop.accepted(true, 1000 * MS, 1010 * MS);
    loop.closeWindow(1100 * MS);

    assertThat(loop.started(1000 * MS, 1500 * MS)).isFalse(); // after the window: stop asking
    IntakeResult r = loop.result(4, 9);

    assertThat(r.window()).isEqualTo(Duration.ofMillis(1000));
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.started()).isEqualTo(1);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.askedTotal()).isEqualTo(4);
    assertThat(r.leftOutstanding()).isZero();
    assertThat(r.firstToken().count()).isEqualTo(1);
    assertThat(r.firstToken().percentileMillis(50)).isCloseTo(505.0, offset(0.1));
  }

  @Test
  void ratesAreCountsOverTheWindow() {
    IntakeResult r =
        new IntakeResult(
            8,
            Duration.ofMillis(2500),
            500,
            0,
            450,
            0,
            475,
            1200,
            0,
            new LatencyHistogram(),
            new LatencyHistogram(),
            Optional.of(Duration.ofMillis(950)),
            Optional.empty());

    assertThat(r.acceptedPerSecond()).isEqualTo(200.0);
    assertThat(r.startedPerSecond()).isEqualTo(180.0);
    assertThat(r.providerPerSecond()).isEqualTo(190.0);
    assertThat(r.serverMillisPerQuestion()).contains(2.0);
    assertThat(r.simulatorMillisPerRequest()).isEmpty();
  }

  @Test
  void aProcessCpuReadingOfThisProcessGrowsAndOfNoProcessIsEmpty() {
    ProcessCpu self = new ProcessCpu(OptionalLong.of(ProcessHandle.current().pid()));
    Optional<Duration> before = self.used();
    long spin = 0;
    for (int i = 0; i < 50_000_000; i++) {
      spin += i % 7;
    }
    assertThat(spin).isPositive();

    assertThat(ProcessCpu.between(before, self.used())).get().matches(d -> !d.isNegative());
    assertThat(new ProcessCpu(OptionalLong.empty()).used()).isEmpty();
  }

  @Test
  void aQuestionWithoutAFirstChunkStaysOutstanding() {
    loop.asked();
    loop.asked();
    loop.started(0, 10 * MS);

    assertThat(loop.outstanding()).isEqualTo(1);
  }
}
