package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pauses, set directly or read from a provider's rate-limit headers, hold every call. */
class PauseTest {

  private final LaneFixture fixture =
      new LaneFixture(LaneSettings.of("pause", 4, 600, 60_000, 100).withBurstFraction(0.1));

  @Test
  void pauseUntilHoldsCallsUntilTheInstantThenAdmits() {
    Instant end = fixture.clock.now().plusSeconds(5);
    fixture.lane.pauseUntil(end);
    var call = fixture.admit(Priority.URGENT);

    fixture.advance(Duration.ofMillis(4999));
    assertThat(call).isNotDone();
    assertThat(fixture.lane.snapshot().pausedUntil()).isEqualTo(end);
    fixture.advance(Duration.ofMillis(1));

    assertThat(call).isCompleted();
    assertThat(fixture.lane.snapshot().pausedUntil()).isNull();
    assertThat(fixture.scheduler.pending()).isZero();
  }

  @Test
  void theLatestPauseWins() {
    fixture.lane.pauseUntil(fixture.clock.now().plusSeconds(5));
    fixture.lane.pauseUntil(fixture.clock.now().plusSeconds(2));
    var call = fixture.admit(Priority.NORMAL);

    fixture.advance(Duration.ofSeconds(3));
    assertThat(call).isNotDone();
    fixture.advance(Duration.ofSeconds(2));
    assertThat(call).isCompleted();
  }

  @Test
  void noRequestsRemainingPausesUntilTheReset() {
    Instant reset = fixture.clock.now().plusSeconds(3);
    fixture.lane.observe(new RateLimitSnapshot(600L, 0L, reset, null, null, null, null));
    var call = fixture.admit(Priority.NORMAL);

    fixture.advance(Duration.ofMillis(2999));
    assertThat(call).isNotDone();
    fixture.advance(Duration.ofMillis(1));
    assertThat(call).isCompleted();
  }

  @Test
  void tooFewTokensForTheNextCallPausesUntilTheTokenReset() {
    fixture.admit(Priority.NORMAL, 100).join().release(100);
    Instant reset = fixture.clock.now().plusSeconds(2);
    fixture.lane.observe(new RateLimitSnapshot(null, null, null, 60_000L, 0L, reset, null));

    var call = fixture.admit(Priority.NORMAL, 100);
    fixture.advance(Duration.ofMillis(1900));
    assertThat(call).isNotDone();
    fixture.advance(Duration.ofMillis(200));
    assertThat(call).isCompleted();
  }

  @Test
  void aLowerRemainingCountDrainsTheLocalBudget() {
    assertThat(fixture.lane.snapshot().requestsAvailable()).isEqualTo(60);
    fixture.lane.observe(new RateLimitSnapshot(600L, 7L, null, 60_000L, 500L, null, null));

    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.requestsAvailable()).isEqualTo(7);
    assertThat(snapshot.tokensAvailable()).isEqualTo(500);
    assertThat(snapshot.pausedUntil()).isNull();
  }

  @Test
  void emptySnapshotsAndHigherCountsChangeNothing() {
    fixture.lane.observe(RateLimitSnapshot.NONE);
    fixture.lane.observe(new RateLimitSnapshot(600L, 500L, null, 60_000L, 50_000L, null, null));

    LaneSnapshot snapshot = fixture.lane.snapshot();
    assertThat(snapshot.requestsAvailable()).isEqualTo(60);
    assertThat(snapshot.tokensAvailable()).isEqualTo(6000);
    assertThat(fixture.admit(Priority.NORMAL)).isCompleted();
  }

  @Test
  void aResetAlreadyPastDoesNotPause() {
    Instant past = fixture.clock.now().minusSeconds(1);
    fixture.lane.observe(new RateLimitSnapshot(600L, 0L, past, null, null, null, null));

    assertThat(fixture.lane.snapshot().pausedUntil()).isNull();
  }
}
