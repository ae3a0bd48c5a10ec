package dev.sluice.documents.batch.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

  @Test
  void aBatchCursorSurvivesTheRoundTripToTheMicrosecond() {
    BatchCursor cursor =
        new BatchCursor(
            LocalDateTime.parse("2026-11-22T10:00:00.000001"),
            "3f2b8f0e-0000-4000-8000-000000000001");

    String token = cursor.encode();

    assertThat(token).doesNotContain("2026").matches("[A-Za-z0-9_-]+");
    assertThat(BatchCursor.decode(token, "cursor")).isEqualTo(cursor);
  }

  @Test
  void anErrorCursorSurvivesTheRoundTrip() {
    ErrorCursor cursor = new ErrorCursor(1234, "key-points");

    assertThat(ErrorCursor.decode(cursor.encode(), "cursor")).isEqualTo(cursor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%%", "bm8tc2VwYXJhdG9y", "fGlk", "MjAyNnw"})
  void somethingElseIsA400NamingTheParameter(String token) {
    assertThatThrownBy(() -> BatchCursor.decode(token, "cursor"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().errors().get(0).field()).isEqualTo("cursor");
            });
  }

  @Test
  void anErrorCursorNeedsAnItemNumber() {
    String token = base64("seven|summary");

    assertThatThrownBy(() -> ErrorCursor.decode(token, "cursor"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> BatchCursor.decode(token, "cursor"))
        .isInstanceOf(ProblemException.class);
  }

  private static String base64(String plain) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }
}
