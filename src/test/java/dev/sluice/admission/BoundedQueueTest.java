package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A lane refuses a call at once when its queue is full, saying when to come back. */
class BoundedQueueTest {

  @Test
  void theWaiterBeyondMaxQueuedIsRejectedAtOnceWithARetryAfter() {
    LaneFixture fixture = LaneFixture.slots(1, 3);
    fixture.admit(Priority.NORMAL);
    for (int i = 0; i < 3; i++) {
      assertThat(fixture.admit(Priority.NORMAL)).isNotDone();
    }

    var refused = fixture.admit(Priority.URGENT);

    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.handle((permit, error) -> error).join())
        .isInstanceOfSatisfying(
            AdmissionRejectedException.class,
            rejection -> {
              assertThat(rejection.lane()).isEqualTo("test");
              assertThat(rejection.retryAfter()).isPositive();
            });
    assertThat(fixture.lane.snapshot().rejected()).isEqualTo(1);
    assertThat(fixture.lane.snapshot().waiting()).containsEntry(Priority.NORMAL, 3);
  }

  @Test
  void withNoQueueACallIsAdmittedOrRefused() {
    LaneFixture fixture = LaneFixture.slots(1, 0);
    assertThat(fixture.admit(Priority.NORMAL)).isCompleted();

    var refused = fixture.admit(Priority.NORMAL);

    assertThat(refused).isCompletedExceptionally();
    assertThat(refused.handle((permit, error) -> error).join())
        .isNotInstanceOf(CompletionException.class)
        .isInstanceOf(AdmissionRejectedException.class);
  }

  @Test
  void retryAfterCoversAPause() {
    LaneFixture fixture = LaneFixture.slots(1, 0);
    fixture.lane.pauseUntil(fixture.clock.now().plusSeconds(30));

    var refused = fixture.admit(Priority.NORMAL);

    AdmissionRejectedException rejection =
        (AdmissionRejectedException) refused.handle((permit, error) -> error).join();
    assertThat(rejection.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }
}
