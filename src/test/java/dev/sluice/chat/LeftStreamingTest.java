package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.chat.LeftStreaming.Fate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeftStreamingTest {

  private static final Instant RUN_STARTED = Instant.parse("2026-11-22T12:00:00Z");
  private static final Instant BEFORE = RUN_STARTED.minusSeconds(5);

  @Test
  void anAnswerThatStreamedTextBeforeTheStopIsInterruptedKeepingItsText() {
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, BEFORE, "Once upon", RUN_STARTED))
        .isEqualTo(Fate.INTERRUPTED);

    AnswerWriter.Ending ending = LeftStreaming.interrupted("Once upon");

    assertThat(ending.status()).isEqualTo(MessageStatus.INTERRUPTED);
    assertThat(ending.partial()).isEqualTo("Once upon");
    assertThat(ending.code()).isEqualTo("SERVER_STOPPED");
    assertThat(ending.reason()).isEqualTo("the server stopped while this answer was streaming");
  }

  @Test
  void anAnswerClaimedButWithoutSavedTextIsAskedAgain() {
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, BEFORE, "", RUN_STARTED))
        .isEqualTo(Fate.ASK_AGAIN);
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, BEFORE, null, RUN_STARTED))
        .isEqualTo(Fate.ASK_AGAIN);
  }

  @Test
  void anAnswerClaimedInThisRunIsLeftAlone() {
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, RUN_STARTED, "Once", RUN_STARTED))
        .isEqualTo(Fate.NONE);
    assertThat(
            LeftStreaming.of(MessageStatus.STREAMING, RUN_STARTED.plusMillis(1), "", RUN_STARTED))
        .isEqualTo(Fate.NONE);
  }

  @Test
  void onlyStreamingAnswersAreLeftOver() {
    for (MessageStatus status : MessageStatus.values()) {
      if (status != MessageStatus.STREAMING) {
        assertThat(LeftStreaming.of(status, BEFORE, "text", RUN_STARTED))
            .as(status.name())
            .isEqualTo(Fate.NONE);
        assertThat(LeftStreaming.of(status, BEFORE, "", RUN_STARTED))
            .as(status.name())
            .isEqualTo(Fate.NONE);
      }
    }
  }
}
