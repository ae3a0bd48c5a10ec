package dev.sluice.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import dev.sluice.testing.Poll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
  private final ProviderRuntime runtime =
      new ProviderRuntime(
          Runnable::run, scheduler, Clock.fixed(NOW, ZoneOffset.UTC), System::nanoTime);
  private final List<StreamEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private SimulatedProvider provider(Map<String, String> settings) {
    return new SimulatedProvider(
        ProviderSettings.defaults("sim", ProviderType.SIMULATED, null, null),
        SimulatorSettings.from(settings),
        runtime);
  }

  private SimulatedProvider fast() {
    return provider(Map.of("first-token-delay", "5ms", "inter-token-delay", "1ms"));
  }

  private ChatStream ask(SimulatedProvider provider, String prompt) {
    return provider.stream(
        ChatRequest.of("sim-model", List.of(ChatMessage.user(prompt))), events::add);
  }

  private static ChatResult await(ChatStream stream) {
    return stream.result().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static LlmException failure(ChatStream stream) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> await(stream));
    assertThat(thrown).isInstanceOf(CompletionException.class);
    return (LlmException) thrown.getCause();
  }

  private List<String> deltas() {
    return events.stream()
        .filter(StreamEvent.TextDelta.class::isInstance)
        .map(e -> ((StreamEvent.TextDelta) e).text())
        .toList();
  }

  @Test
  void streamsTheWholeAnswer() {
    ChatResult result = await(ask(fast(), "Hello"));
    assertThat(deltas()).hasSize(48);
    assertThat(String.join("", deltas())).isEqualTo(result.content());
    assertThat(result.usage().outputTokens()).isEqualTo(48);
    assertThat(result.usage().inputTokens()).isPositive();
    assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.answeredModel()).isEqualTo("sim-model");
    assertThat(result.providerRequestId()).isEqualTo("sim-1");
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Finished.class);
  }

  @Test
  void maxOutputTokensFinishesWithLength() {
    ChatRequest request =
        ChatRequest.of("m", List.of(ChatMessage.user("Hello"))).withMaxOutputTokens(7);
    ChatResult result = await(fast().stream(request, events::add));
    assertThat(deltas()).hasSize(7);
    assertThat(result.usage().outputTokens()).isEqualTo(7);
    assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void timeToFirstTokenIsAtLeastTheFirstTokenDelay() {
    ChatResult result =
        await(ask(provider(Map.of("first-token-delay", "80ms", "inter-token-delay", "0")), "Hi"));
    assertThat(result.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(80));
    assertThat(deltas()).hasSize(48);
  }

  @Test
  void rateLimitCarriesNotBefore() {
    LlmException e = failure(ask(fast(), "Hi [sim:rate-limit retry-after=3]"));
    assertThat(e.kind()).isEqualTo(LlmErrorKind.RATE_LIMITED);
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.notBefore()).isEqualTo(NOW.plusSeconds(3));
    assertThat(deltas()).isEmpty();
  }

  @Test
  void serverErrorAndOverloaded() {
    assertThat(failure(ask(fast(), "[sim:server-error]")).kind())
        .isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(failure(ask(fast(), "[sim:overloaded]")).kind()).isEqualTo(LlmErrorKind.OVERLOADED);
    assertThat(failure(ask(fast(), "[sim:malformed]")))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR))
        .hasMessageContaining("malformed event");
    assertThat(failure(ask(fast(), "[sim:bogus]")).kind()).isEqualTo(LlmErrorKind.INVALID_REQUEST);
  }

  @Test
  void cutStreamIsInterruptedWithThePartial() {
    LlmException e = failure(ask(fast(), "Hi [sim:cut-after=5]"));
    assertThat(e.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(e.interruptedBy()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(e).hasMessageContaining("stream cut");
    assertThat(deltas()).hasSize(5);
    assertThat(e.partialContent()).isEqualTo(String.join("", deltas()));
  }

  @Test
  void sayStreamsTheGivenTextAsItsTokens() {
    String markdown = "# Title\n\n- a\n- b <img src=x onerror=alert(1)>\n\n| x | y |\n|---|---|\n";
    ChatResult result = await(ask(fast(), "[sim:say]\n" + markdown));
    assertThat(result.content()).isEqualTo(markdown);
    assertThat(deltas()).isEqualTo(TokenCounter.instance().split(markdown));
    assertThat(result.usage().outputTokens()).isEqualTo(deltas().size());
  }

  @Test
  void sayCanBeCutMidAnswer() {
    String text = "First line.\nSecond line ] with `code`.\n";
    LlmException e = failure(ask(fast(), "[sim:say cut-after=4]\n" + text));
    assertThat(e.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(deltas()).isEqualTo(TokenCounter.instance().split(text).subList(0, 4));
    assertThat(e.partialContent()).isEqualTo(String.join("", deltas()));
  }

  @Test
  void slowFirstTokenOnlyDelays() {
    ChatStream stream = ask(fast(), "Hi [sim:slow-first-token=150] [sim:tokens=3]");
    ChatResult result = await(stream);
    assertThat(result.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(result.usage().outputTokens()).isEqualTo(3);
  }

  @Test
  void cancelStopsFurtherDeltas() {
    SimulatedProvider provider =
        provider(Map.of("first-token-delay", "0", "inter-token-delay", "20ms"));
    // 300 tokens 20 ms apart: the stream would take 6 s.
    ChatStream stream = ask(provider, "Hi [sim:tokens=300]");
    Poll.untilTrue(() -> deltas().size() >= 2, () -> "two deltas; saw " + deltas());
    stream.cancel();
    int seen = deltas().size();
    assertThat(failure(stream).kind()).isEqualTo(LlmErrorKind.CANCELLED);

    // The positive signal: a stream asked after the cancel, at the same pace on the same timer,
    // has ended, so any tick the cancelled stream had pending has come due before it.
    await(
        provider.stream(
            ChatRequest.of("sim-model", List.of(ChatMessage.user("Later [sim:tokens=3]"))),
            event -> {}));
    assertThat(deltas()).hasSize(seen).hasSizeLessThan(300);
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void transcribesAfterTheFirstTokenDelay() {
    byte[] audio = {1, 2, 3, 4};
    Transcription t =
        fast()
            .transcribe(new TranscriptionRequest("whisper-sim", audio, "a.mp3", "audio/mpeg", null))
            .toCompletableFuture()
            .orTimeout(5, TimeUnit.SECONDS)
            .join();
    assertThat(t.text()).isEqualTo(new SimulatedText(42).transcribe(audio, "a.mp3"));
    assertThat(t.model()).isEqualTo("whisper-sim");
    assertThat(t.totalTime()).isGreaterThanOrEqualTo(Duration.ofMillis(5));
  }

  @Test
  void aBadDirectiveFailsTheStream() {
    assertThatThrownBy(() -> SimulatedProviderTest.await(ask(fast(), "[sim:tokens=x]")))
        .hasCauseInstanceOf(LlmException.class);
  }
}
