package dev.sluice.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatCursorTest {

  @Test
  void aCursorSurvivesTheRoundTripExactly() {
    ChatCursor cursor =
        new ChatCursor(
            LocalDateTime.of(2026, 11, 22, 11, 40, 1, 123_456_000),
            "0f8fad5b-d9cb-469f-a165-70867728950e");

    String token = cursor.encode();

    assertThat(token).doesNotContain("=", "+", "/", "|");
    assertThat(ChatCursor.decode(token, "after")).isEqualTo(cursor);
  }

  @Test
  void wholeSecondsRoundTripToo() {
    ChatCursor cursor = new ChatCursor(LocalDateTime.of(2026, 1, 1, 0, 0), "id");

    assertThat(ChatCursor.decode(cursor.encode(), "after")).isEqualTo(cursor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%%%", "bm90LWEtY3Vyc29y", "MjAyNi0xMy0wMVQwMDowMHxpZA", "fA"})
  void aForgedOrDamagedCursorIsA400NamingTheField(String token) {
    assertThatThrownBy(() -> ChatCursor.decode(token, "after"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("after");
            });
  }
}
