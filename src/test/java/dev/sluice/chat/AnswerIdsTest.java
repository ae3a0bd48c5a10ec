package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnswerIdsTest {

  @Test
  void aMessageIdIsWellFormed() {
    assertThat(AnswerIds.wellFormed(UUID.randomUUID().toString())).isTrue();
    assertThat(AnswerIds.wellFormed("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).isTrue();
  }

  @Test
  void anythingElseNamesNoAnswer() {
    assertThat(AnswerIds.wellFormed(null)).isFalse();
    assertThat(AnswerIds.wellFormed("")).isFalse();
    assertThat(AnswerIds.wellFormed("not-an-id")).isFalse();
    assertThat(AnswerIds.wellFormed("1-1-1-1-1")).isFalse();
    assertThat(AnswerIds.wellFormed(" " + UUID.randomUUID())).isFalse();
    assertThat(AnswerIds.wellFormed(UUID.randomUUID() + "\n")).isFalse();
  }

  @Test
  void whatWasReceivedIsLoggedShortAndOnOneLine() {
    assertThat(AnswerIds.shown(null)).isEqualTo("no body");
    assertThat(AnswerIds.shown("a\nb")).isEqualTo("\"a?b\"");
    assertThat(AnswerIds.shown("x".repeat(500))).hasSize(65);
  }
}
