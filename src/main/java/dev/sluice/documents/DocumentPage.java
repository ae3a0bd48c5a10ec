package dev.sluice.documents;

import dev.sluice.platform.rest.PageCursor;
import java.time.LocalDateTime;
import java.util.List;

/** One page of a user's documents, newest first, and where the next starts (null at the end). */
public record DocumentPage(List<DocumentSummary> items, PageCursor<LocalDateTime> next) {

  /**
   * Builds a page from rows read with one more than {@code limit}: the extra row only says that
   * another page exists, which saves a count query.
   */
  public static DocumentPage of(List<DocumentSummary> rowsLimitPlusOne, int limit) {
    if (rowsLimitPlusOne.size() <= limit) {
      return new DocumentPage(List.copyOf(rowsLimitPlusOne), null);
    }
    List<DocumentSummary> items = List.copyOf(rowsLimitPlusOne.subList(0, limit));
    return new DocumentPage(items, items.get(limit - 1).cursor());
  }
}
