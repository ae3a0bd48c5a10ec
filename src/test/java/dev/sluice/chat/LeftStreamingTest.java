package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeftStreamingTest {

  private static final Instant RUN_STARTED = Instant.parse("2026-11-22T12:00:00Z");
  private static final Instant BEFORE = RUN_STARTED.minusSeconds(5);

  @Test
  void anAnswerStreamingSinceAnEarlierRunIsInterruptedKeepingItsText() {
    AnswerWriter.Ending ending =
        LeftStreaming.ending(MessageStatus.STREAMING, BEFORE, "Once upon", RUN_STARTED)
            .orElseThrow();

    assertThat(ending.status()).isEqualTo(MessageStatus.INTERRUPTED);
    assertThat(ending.partial()).isEqualTo("Once upon");
    assertThat(ending.code()).isEqualTo("SERVER_STOPPED");
    assertThat(ending.reason()).isEqualTo("the server stopped while this answer was streaming");
  }

  @Test
  void anAnswerClaimedInThisRunIsLeftAlone() {
    assertThat(LeftStreaming.ending(MessageStatus.STREAMING, RUN_STARTED, "Once", RUN_STARTED))
        .isEmpty();
    assertThat(
            LeftStreaming.ending(
                MessageStatus.STREAMING, RUN_STARTED.plusMillis(1), "Once", RUN_STARTED))
        .isEmpty();
  }

  @Test
  void onlyStreamingAnswersAreLeftOver() {
    for (MessageStatus status : MessageStatus.values()) {
      if (status != MessageStatus.STREAMING) {
        assertThat(LeftStreaming.ending(status, BEFORE, "text", RUN_STARTED))
            .as(status.name())
            .isEmpty();
      }
    }
  }

  @Test
  void anAnswerWithNothingSavedEndsWithEmptyText() {
    assertThat(LeftStreaming.ending(MessageStatus.STREAMING, BEFORE, null, RUN_STARTED))
        .hasValueSatisfying(e -> assertThat(e.partial()).isEmpty());
  }
}
