package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import org.junit.jupiter.api.Test;

class AnswerEndingTest {

  @Test
  void aCancelledAnswerKeepsWhatStreamed() {
    AnswerWriter.Ending ending =
        AnswerWriter.Ending.of(
            LlmException.builder(LlmErrorKind.CANCELLED, "cancelled").build(), "Once");

    assertThat(ending.status()).isEqualTo(MessageStatus.CANCELLED);
    assertThat(ending.partial()).isEqualTo("Once");
    assertThat(ending.code()).isEqualTo("CANCELLED");
  }

  @Test
  void anInterruptedStreamKeepsTheProvidersPartialText() {
    LlmException error =
        LlmException.builder(LlmErrorKind.SERVER_ERROR, "HTTP 502")
            .build()
            .interrupted("Once upon");

    AnswerWriter.Ending ending = AnswerWriter.Ending.of(error, "Once");

    assertThat(ending.status()).isEqualTo(MessageStatus.INTERRUPTED);
    assertThat(ending.partial()).isEqualTo("Once upon");
    assertThat(ending.code()).isEqualTo("STREAM_INTERRUPTED");
  }

  @Test
  void aFailureBeforeAnyTokenIsFailedWithItsKind() {
    AnswerWriter.Ending ending =
        AnswerWriter.Ending.of(
            LlmException.builder(LlmErrorKind.SERVER_ERROR, "HTTP 500").build(), "");

    assertThat(ending.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(ending.code()).isEqualTo("SERVER_ERROR");
    assertThat(ending.reason()).isEqualTo("HTTP 500");
  }

  @Test
  void anUnexpectedErrorIsFailedWithoutItsDetails() {
    AnswerWriter.Ending ending =
        AnswerWriter.Ending.of(new IllegalStateException("secret stack"), "");

    assertThat(ending.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(ending.code()).isEqualTo("INTERNAL");
    assertThat(ending.reason()).doesNotContain("secret");
  }
}
