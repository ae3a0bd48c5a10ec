package dev.sluice.admission;

import static dev.sluice.admission.GateFixture.GPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.LlmErrorKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caller's last check before sending: asked once, after admission; a "no" drops the call. */
class GateSendCheckTest {

  private final GateFixture f = new GateFixture();
  private final AtomicInteger asked = new AtomicInteger();
  private final CompletableFuture<Boolean> verdict = new CompletableFuture<>();

  @AfterEach
  void everyPermitReleasedExactlyOnce() {
    f.assertEveryPermitReleasedOnce();
  }

  private GatedStream call() {
    return f.gate.stream(
        ChatRequest.of(GPT, List.of(ChatMessage.user("hello there"))),
        Priority.NORMAL,
        f.events::add,
        () -> {
          asked.incrementAndGet();
          return verdict;
        });
  }

  @Test
  void theCheckIsAskedOnlyOnceTheLaneAdmitsTheCall() {
    f.lane(GPT).holding();
    GatedStream stream = call();
    assertThat(asked).hasValue(0);

    f.lane(GPT).grant(java.time.Duration.ZERO);

    assertThat(asked).hasValue(1);
    assertThat(f.upstream.calls).isEmpty();
    stream.cancel();
  }

  @Test
  void aYesSendsTheCall() {
    f.upstream.opens();
    GatedStream stream = call();
    assertThat(f.upstream.calls).isEmpty();

    verdict.complete(true);

    assertThat(f.upstream.calls).hasSize(1);
    assertThat(stream.dropped()).isFalse();
    stream.cancel();
  }

  @Test
  void aNoDropsTheCallReleasingItsPermitAndSendingNothing() {
    GatedStream stream = call();

    verdict.complete(false);

    assertThat(stream.dropped()).isTrue();
    assertThat(f.upstream.calls).isEmpty();
    assertThat(f.lane(GPT).permitsIssued()).isEqualTo(1);
    assertThat(GateFixture.failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
  }

  @Test
  void aFailedCheckDropsTheCallToo() {
    GatedStream stream = call();

    verdict.completeExceptionally(new IllegalStateException("database away"));

    assertThat(stream.dropped()).isTrue();
    assertThat(f.upstream.calls).isEmpty();
  }

  @Test
  void aCallCancelledWhileItsCheckRunsSendsNothing() {
    GatedStream stream = call();
    stream.cancel();

    verdict.complete(true);

    assertThat(f.upstream.calls).isEmpty();
    assertThat(stream.dropped()).isFalse();
    assertThat(GateFixture.failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);
  }

  @Test
  void retriesAreNotCheckedAgain() {
    f.upstream.fails(LlmErrorKind.SERVER_ERROR);
    GatedStream stream = call();
    verdict.complete(true);
    assertThat(f.upstream.calls).hasSize(1);

    f.upstream.opens();
    f.time.advance(java.time.Duration.ofSeconds(1));

    assertThat(asked).hasValue(1);
    assertThat(f.upstream.calls).hasSize(2);
    stream.cancel();
  }
}
