package dev.sluice.generations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.Priority;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.RateLimitSnapshot;
import dev.sluice.llm.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class GenerationFactoryTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
  private static final ChatRequest REQUEST =
      ChatRequest.of(
          "sim-large", List.of(ChatMessage.system("be brief"), ChatMessage.user("What is H2O?")));
  private static final TextPolicy CHATS_ONLY =
      new TextPolicy(EnumSet.of(CallOrigin.Source.CHAT), 100);

  @Test
  void aFallbackAnswerRecordsBothTriesTheWaitAndTheText() {
    List<Attempt> attempts =
        List.of(
            attempt("sim-large", Attempt.Outcome.FAILED, LlmErrorKind.OVERLOADED, 40),
            attempt("sim-small", Attempt.Outcome.ADMITTED_COMPLETED, null, 60));
    ProviderCallEnded call =
        ended(CallOrigin.chat("demo", "answer-1"), result("Water."), null, attempts);

    Generation g = GenerationFactory.of("g1", call, CHATS_ONLY);

    assertThat(g.status()).isEqualTo(GenerationStatus.COMPLETED);
    assertThat(g.owner()).isEqualTo("demo");
    assertThat(g.reference()).isEqualTo("answer-1");
    assertThat(g.model()).isEqualTo("sim-large");
    assertThat(g.answeredModel()).isEqualTo("sim-small");
    assertThat(g.attemptCount()).isEqualTo(2);
    assertThat(g.fallbackChain()).isEqualTo("sim-large,sim-small");
    assertThat(g.gateWaitMs()).isEqualTo(100);
    assertThat(g.timeToFirstTokenMs()).isEqualTo(250);
    assertThat(g.totalMs()).isEqualTo(1500);
    assertThat(g.inputTokens()).isEqualTo(12);
    assertThat(g.outputTokens()).isEqualTo(3);
    assertThat(g.costUsd()).isEqualByComparingTo("0.002");
    assertThat(g.prompt()).isEqualTo("What is H2O?");
    assertThat(g.answer()).isEqualTo("Water.");
    assertThat(g.attemptsJson()).contains("OVERLOADED").contains("ADMITTED_COMPLETED");
  }

  @Test
  void aBatchCallKeepsNoTextByDefault() {
    ProviderCallEnded call =
        ended(
            CallOrigin.document(false, "demo", null, "batch-1").about("doc-9"),
            result("A summary."),
            null,
            List.of());

    Generation g = GenerationFactory.of("g2", call, CHATS_ONLY);

    assertThat(g.source()).isEqualTo(CallOrigin.Source.BATCH);
    assertThat(g.batchId()).isEqualTo("batch-1");
    assertThat(g.reference()).isEqualTo("doc-9");
    assertThat(g.prompt()).isNull();
    assertThat(g.answer()).isNull();
  }

  @Test
  void failuresAndCancellationsAreToldApart() {
    LlmException breakerOpen =
        LlmException.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, "breaker open").build();
    Generation failed =
        GenerationFactory.of(
            "g3",
            ended(CallOrigin.UNKNOWN, null, new CompletionException(breakerOpen), List.of()),
            CHATS_ONLY);
    Generation cancelled =
        GenerationFactory.of(
            "g4",
            ended(CallOrigin.UNKNOWN, null, new CancellationException(), List.of()),
            CHATS_ONLY);
    Generation unexpected =
        GenerationFactory.of(
            "g5",
            ended(CallOrigin.UNKNOWN, null, new IllegalStateException("key=sk-secret"), List.of()),
            CHATS_ONLY);

    assertThat(failed.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(failed.errorKind()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failed.errorMessage()).isEqualTo("breaker open");
    assertThat(failed.owner()).isEqualTo(CallOrigin.SYSTEM);
    assertThat(cancelled.status()).isEqualTo(GenerationStatus.CANCELLED);
    assertThat(unexpected.errorKind()).isEqualTo("INTERNAL");
    assertThat(unexpected.errorMessage()).doesNotContain("sk-secret");
    assertThat(unexpected.costUsd()).isZero();
  }

  @Test
  void aCallCutAfterItStreamedIsInterruptedWithTheTokensItStreamed() {
    LlmException cut =
        LlmException.builder(LlmErrorKind.STREAM_INTERRUPTED, "the server stopped")
            .partialContent("Once upon a time")
            .build();

    Generation g =
        GenerationFactory.of(
            "g7", ended(CallOrigin.chat("demo", "a"), null, cut, List.of()), CHATS_ONLY);

    assertThat(g.status()).isEqualTo(GenerationStatus.INTERRUPTED);
    assertThat(g.errorKind()).isEqualTo("STREAM_INTERRUPTED");
    assertThat(g.outputTokens())
        .isEqualTo(dev.sluice.llm.TokenCounter.instance().count("Once upon a time"))
        .isPositive();
    assertThat(g.inputTokens()).isZero();
    assertThat(g.usageEstimated()).isTrue();
  }

  @Test
  void estimatedUsageIsRecordedAsEstimatedAndReportedUsageIsNot() {
    ChatResult reported = result("Water.");
    ChatResult estimated =
        new ChatResult(
            "Water.",
            new Usage(12, 3, 0, true),
            FinishReason.STOP,
            "sim-large",
            "sim-large",
            "compat",
            null,
            null,
            Duration.ofMillis(900),
            new BigDecimal("0.002"),
            RateLimitSnapshot.NONE);
    CallOrigin origin = CallOrigin.chat("demo", "a");

    assertThat(
            GenerationFactory.of("g8", ended(origin, reported, null, List.of()), CHATS_ONLY)
                .usageEstimated())
        .isFalse();
    Generation g =
        GenerationFactory.of("g9", ended(origin, estimated, null, List.of()), CHATS_ONLY);
    assertThat(g.usageEstimated()).isTrue();
    assertThat(g.inputTokens()).isEqualTo(12);
    assertThat(g.costUsd()).isEqualByComparingTo("0.002");
  }

  @Test
  void longTextIsCut() {
    TextPolicy tiny = new TextPolicy(Set.of(CallOrigin.Source.CHAT), 5);
    Generation g =
        GenerationFactory.of(
            "g6", ended(CallOrigin.chat("demo", "a"), result("0123456789"), null, List.of()), tiny);
    assertThat(g.answer()).isEqualTo("01234");
    assertThat(g.prompt()).isEqualTo("What ");
  }

  private static Attempt attempt(
      String model, Attempt.Outcome outcome, LlmErrorKind kind, long waitMs) {
    return new Attempt(
        model,
        "simulated",
        "simulated/" + model,
        outcome,
        kind,
        Duration.ofMillis(waitMs),
        Duration.ZERO,
        START);
  }

  private static ChatResult result(String text) {
    return new ChatResult(
        text,
        new Usage(12, 3, 0),
        FinishReason.STOP,
        "sim-large",
        "sim-small",
        "simulated",
        null,
        Duration.ofMillis(250),
        Duration.ofMillis(900),
        new BigDecimal("0.002"),
        RateLimitSnapshot.NONE);
  }

  private static ProviderCallEnded ended(
      CallOrigin origin, ChatResult result, Throwable error, List<Attempt> attempts) {
    return new ProviderCallEnded(
        origin, REQUEST, Priority.HIGH, START, START.plusMillis(1500), result, error, attempts);
  }
}
