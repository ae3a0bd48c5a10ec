package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.chat.LeftStreaming.Fate;
import org.junit.jupiter.api.Test;

class LeftStreamingTest {

  @Test
  void anAnswerThatStreamedTextBeforeTheStopIsInterruptedKeepingItsText() {
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, "Once upon")).isEqualTo(Fate.INTERRUPTED);

    AnswerWriter.Ending ending = LeftStreaming.interrupted("Once upon");

    assertThat(ending.status()).isEqualTo(MessageStatus.INTERRUPTED);
    assertThat(ending.partial()).isEqualTo("Once upon");
    assertThat(ending.code()).isEqualTo("SERVER_STOPPED");
    assertThat(ending.reason()).isEqualTo("the server stopped while this answer was streaming");
  }

  @Test
  void anAnswerClaimedButWithoutSavedTextIsAskedAgain() {
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, "")).isEqualTo(Fate.ASK_AGAIN);
    assertThat(LeftStreaming.of(MessageStatus.STREAMING, null)).isEqualTo(Fate.ASK_AGAIN);
  }

  @Test
  void onlyStreamingAnswersAreLeftOver() {
    for (MessageStatus status : MessageStatus.values()) {
      if (status != MessageStatus.STREAMING) {
        assertThat(LeftStreaming.of(status, "text")).as(status.name()).isEqualTo(Fate.NONE);
        assertThat(LeftStreaming.of(status, "")).as(status.name()).isEqualTo(Fate.NONE);
      }
    }
  }
}
