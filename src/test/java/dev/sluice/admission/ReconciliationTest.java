package dev.sluice.admission;

import static dev.sluice.admission.LaneFixture.permit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Released permits settle the token budget with what the call really used. */
class ReconciliationTest {

  // Capacity 1 000 tokens, refilling 9 000 per 6 s: 1.5 tokens per millisecond.
  private static LaneFixture lane() {
    return new LaneFixture(
        LaneSettings.of("reconcile", 10, 10_000, 10_000, 100)
            .withPeriod(Duration.ofSeconds(6))
            .withBurstFraction(0.1));
  }

  @Test
  void unusedTokensGoBackAndLetAWaitingCallInAtOnce() {
    LaneFixture fixture = lane();
    Permit first = permit(fixture.admit(Priority.NORMAL, 1000));
    var second = fixture.admit(Priority.NORMAL, 500);
    assertThat(second).isNotDone();

    first.release(200);

    assertThat(second).isCompleted();
    assertThat(fixture.lane.snapshot().tokensLastMinute()).isEqualTo(700);
  }

  @Test
  void withoutARefundTheWaitingCallWaitsForTheRefill() {
    LaneFixture fixture = lane();
    Permit first = permit(fixture.admit(Priority.NORMAL, 1000));
    var second = fixture.admit(Priority.NORMAL, 500);

    first.release(1000);
    assertThat(second).isNotDone();
    fixture.advance(Duration.ofMillis(340));
    assertThat(second).isCompleted();
  }

  @Test
  void extraTokensAreAnOverdraftThatDelaysLaterCalls() {
    LaneFixture fixture = lane();
    permit(fixture.admit(Priority.NORMAL, 100)).release(1100);
    assertThat(fixture.lane.snapshot().tokensAvailable()).isEqualTo(-100);

    var next = fixture.admit(Priority.NORMAL, 500);
    fixture.advance(Duration.ofMillis(390));
    assertThat(next).isNotDone();
    fixture.advance(Duration.ofMillis(20));
    assertThat(next).isCompleted();
  }

  @Test
  void anExactEstimateNeitherRefundsNorDelays() {
    LaneFixture fixture = lane();
    permit(fixture.admit(Priority.NORMAL, 100)).release(100);

    assertThat(fixture.admit(Priority.NORMAL, 500)).isCompleted();
    assertThat(fixture.lane.snapshot().tokensAvailable()).isEqualTo(400);
  }
}
