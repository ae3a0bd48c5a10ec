package dev.sluice.documents.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CallGroupTest {

  @Test
  void cancellingStopsTheCallsInFlightAndEveryLaterOne() {
    CallGroup group = new CallGroup();
    Call first = new Call();
    Call ended = new Call();
    group.track(first);
    group.track(ended);
    ended.result.complete(null);
    assertThat(group.inFlight()).isOne();

    group.cancel();
    Call later = new Call();
    group.track(later);

    assertThat(first.cancelled).isTrue();
    assertThat(ended.cancelled).isFalse();
    assertThat(later.cancelled).isTrue();
  }

  @Test
  void theSharedUntrackedGroupKeepsNothingAndCancelsNothing() {
    Call call = new Call();
    CallGroup.NONE.track(call);
    CallGroup.NONE.cancel();

    assertThat(CallGroup.NONE.inFlight()).isZero();
    assertThat(call.cancelled).isFalse();
  }

  private static final class Call implements ChatStream {
    final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    boolean cancelled;

    @Override
    public CompletionStage<ChatResult> result() {
      return result;
    }

    @Override
    public void cancel() {
      cancelled = true;
      result.cancel(false);
    }
  }
}
