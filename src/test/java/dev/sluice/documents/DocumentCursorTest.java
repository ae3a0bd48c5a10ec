package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.platform.problem.ProblemException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentCursorTest {

  @Test
  void aCursorSurvivesItsToken() {
    DocumentCursor cursor =
        new DocumentCursor(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000), "abc-1");

    assertThat(DocumentCursor.decode(cursor.encode(), "after")).isEqualTo(cursor);
  }

  @Test
  void anythingElseIsABadRequestNamingTheParameter() {
    for (String token : List.of("not-a-cursor", "", "fA")) {
      ProblemException refused =
          catchThrowableOfType(ProblemException.class, () -> DocumentCursor.decode(token, "after"));

      assertThat(refused.problem().status()).isEqualTo(400);
      assertThat(refused.problem().errors()).extracting(e -> e.field()).containsExactly("after");
    }
  }

  @Test
  void aPageEndsWithTheCursorOfItsLastItemOnlyWhenMoreFollow() {
    List<DocumentSummary> three = List.of(summary("a"), summary("b"), summary("c"));

    DocumentPage more = DocumentPage.of(three, 2);
    DocumentPage last = DocumentPage.of(three, 3);

    assertThat(more.items()).extracting(DocumentSummary::id).containsExactly("a", "b");
    assertThat(more.next().id()).isEqualTo("b");
    assertThat(last.next()).isNull();
  }

  private static DocumentSummary summary(String id) {
    return new DocumentSummary(
        id, "demo", "t", "text/plain", 1, 1, 1, LocalDateTime.of(2026, 1, 1, 0, 0));
  }
}
