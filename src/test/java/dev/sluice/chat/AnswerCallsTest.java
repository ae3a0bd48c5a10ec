package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.Priority;
import dev.sluice.admission.ProviderCallEnded;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The call records rebuilt from an answer's row after a crash. */
class AnswerCallsTest {

  private final Instant asked = Instant.parse("2026-12-04T10:00:00Z");
  private final Chat chat =
      Chat.start("ann", new ChatDraft("c", "sim-large", null), Clock.fixed(asked, ZoneOffset.UTC));

  private ChatMessage answer(MessageStatus status, String content) {
    return ChatMessage.of(
        chat,
        2,
        MessageRole.ASSISTANT,
        content,
        status,
        Priority.NORMAL,
        Clock.fixed(asked, ZoneOffset.UTC));
  }

  @Test
  void aCutCallIsInterruptedWithTheTextItStreamedForTheAnswersOwner() {
    ChatMessage a = answer(MessageStatus.STREAMING, "Once upon");
    Instant lastWrite = asked.plusSeconds(3);

    ProviderCallEnded call = AnswerCalls.cut(a, "ann", "Tell me", "Once upon", lastWrite);

    assertThat(call.origin()).isEqualTo(CallOrigin.chat("ann", a.id()));
    assertThat(call.result()).isNull();
    LlmException error = (LlmException) call.error();
    assertThat(error.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(error.partialContent()).isEqualTo("Once upon");
    assertThat(call.startedAt()).isEqualTo(asked);
    assertThat(call.endedAt()).isEqualTo(lastWrite);
    assertThat(call.request().lastUserText()).isEqualTo("Tell me");
    assertThat(call.request().model()).isEqualTo("sim-large");
    assertThat(call.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void aCompletedAnswersCallIsRebuiltWithItsTokensCostAndTimes() {
    ChatMessage a = answer(MessageStatus.STREAMING, "");
    a.complete(
        new AnswerRecord(
            "Rivers run.", "sim-large-1", 12, 3, 2, new BigDecimal("0.0004"), 510L, 620L, "[]"),
        Clock.fixed(asked.plusSeconds(1), ZoneOffset.UTC));

    ProviderCallEnded call = AnswerCalls.ended(new EndedAnswer(a, "ann", "Where?"));

    assertThat(call.error()).isNull();
    assertThat(call.result().content()).isEqualTo("Rivers run.");
    assertThat(call.result().usage().inputTokens()).isEqualTo(12);
    assertThat(call.result().usage().outputTokens()).isEqualTo(3);
    assertThat(call.result().usage().cachedInputTokens()).isEqualTo(2);
    assertThat(call.result().costUsd()).isEqualByComparingTo("0.0004");
    assertThat(call.result().answeredModel()).isEqualTo("sim-large-1");
    assertThat(call.result().timeToFirstToken()).isEqualTo(Duration.ofMillis(510));
    assertThat(call.endedAt()).isEqualTo(asked.plusSeconds(1));
  }

  @Test
  void anInterruptedAnswersCallIsRebuiltAsCut() {
    ChatMessage a = answer(MessageStatus.INTERRUPTED, "Half an ans");

    ProviderCallEnded call = AnswerCalls.ended(new EndedAnswer(a, "ann", "Q"));

    assertThat(((LlmException) call.error()).partialContent()).isEqualTo("Half an ans");
  }
}
