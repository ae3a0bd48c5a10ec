package dev.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Priority;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaneRowTest {

  private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

  private static LaneRow row(int inFlight, int urgent, long spent, Instant paused, String breaker) {
    return new LaneRow(
        "sim/large",
        "sim",
        16,
        inFlight,
        Map.of(Priority.URGENT, urgent, Priority.LOW, 1),
        urgent + 1,
        600,
        100_000,
        spent,
        spent * 10,
        paused,
        breaker);
  }

  @Test
  void twoNodesOfOneLaneAddUpAndShowTheMostOpenBreakerAndTheLatestPause() {
    LaneRow sum = LaneRow.plus(row(3, 2, 50, null, "CLOSED"), row(4, 5, 70, T, "OPEN"), true);

    assertThat(sum.inFlight()).isEqualTo(7);
    assertThat(sum.maxInFlight()).isEqualTo(32);
    assertThat(sum.waiting()).containsEntry(Priority.URGENT, 7).containsEntry(Priority.LOW, 2);
    assertThat(sum.waitingTotal()).isEqualTo(9);
    assertThat(sum.requestsLastMinute()).isEqualTo(120);
    assertThat(sum.tokensLastMinute()).isEqualTo(1200);
    assertThat(sum.pausedUntil()).isEqualTo(T);
    assertThat(sum.breaker()).isEqualTo("OPEN");
  }

  @Test
  void sharedBudgetsAreTheClustersOnceAndOwnBudgetsAddUp() {
    LaneRow a = row(0, 0, 0, T, "CLOSED");
    LaneRow b = row(0, 0, 0, T.plusSeconds(5), "HALF_OPEN");

    assertThat(LaneRow.plus(a, b, true).requestsPerMinute()).isEqualTo(600);
    assertThat(LaneRow.plus(a, b, false).requestsPerMinute()).isEqualTo(1200);
    assertThat(LaneRow.plus(a, b, false).tokensPerMinute()).isEqualTo(200_000);
    assertThat(LaneRow.plus(a, b, true).pausedUntil()).isEqualTo(T.plusSeconds(5));
    assertThat(LaneRow.plus(a, b, true).breaker()).isEqualTo("HALF_OPEN");
  }
}
