package dev.sluice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPageTest {

  @Test
  void aPageEndsWithTheCursorOfItsLastItemOnlyWhenMoreFollow() {
    List<DocumentSummary> three = List.of(summary("a"), summary("b"), summary("c"));

    DocumentPage more = DocumentPage.of(three, 2);
    DocumentPage last = DocumentPage.of(three, 3);

    assertThat(more.items()).extracting(DocumentSummary::id).containsExactly("a", "b");
    assertThat(more.next().id()).isEqualTo("b");
    assertThat(more.next().key()).isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
    assertThat(last.next()).isNull();
  }

  private static DocumentSummary summary(String id) {
    return new DocumentSummary(
        id, "demo", "t", "text/plain", 1, 1, 1, LocalDateTime.of(2026, 1, 1, 0, 0));
  }
}
