package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunningAnswersTest {

  private final AtomicLong now = new AtomicLong();
  private final RunningAnswers running = new RunningAnswers(now::get);

  @Test
  void aCancelRacingTheRegistrationStopsTheCallWhenItRegisters() {
    running.cancel("m1", true);
    FakeStream stream = new FakeStream();

    running.register("m1", stream);

    assertThat(stream.cancelled).isTrue();
    assertThat(running.pendingCancels()).isZero();
  }

  @Test
  void aCancelForAnAnswerRunningElsewhereIsForgottenAfterItsLife() {
    running.cancel("elsewhere-1", true);
    running.cancel("elsewhere-2", true);
    assertThat(running.pendingCancels()).isEqualTo(2);

    now.addAndGet(RunningAnswers.PENDING_CANCEL_LIFE.toNanos() + 1);
    running.cancel("elsewhere-3", true);

    assertThat(running.pendingCancels()).isOne();
    FakeStream late = new FakeStream();
    running.register("elsewhere-1", late);
    assertThat(late.cancelled).as("an expired request does not cancel a later call").isFalse();
  }

  @Test
  void aCancelForAnUnclaimedAnswerLeavesNothingBehind() {
    running.cancel("queued", false);

    assertThat(running.pendingCancels()).isZero();
  }

  @Test
  void aRegisteredCallIsCancelledAtOnce() {
    FakeStream stream = new FakeStream();
    running.register("m2", stream);

    running.cancel("m2", true);

    assertThat(stream.cancelled).isTrue();
    running.remove("m2", stream);
    assertThat(running.size()).isZero();
  }

  private static final class FakeStream implements ChatStream {
    boolean cancelled;

    @Override
    public CompletionStage<ChatResult> result() {
      return new CompletableFuture<>();
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
