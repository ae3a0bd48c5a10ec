package dev.sluice.chat;

import dev.sluice.platform.rest.PageCursor;
import java.time.LocalDateTime;
import java.util.List;

/** One page of a user's chats, newest first, and where the next page starts (null at the end). */
public record ChatPage(List<Chat> items, PageCursor<LocalDateTime> next) {

  /**
   * Builds a page from rows read with one more than {@code limit}: the extra row only says that
   * another page exists, which saves a count query.
   */
  public static ChatPage of(List<Chat> rowsLimitPlusOne, int limit) {
    if (rowsLimitPlusOne.size() <= limit) {
      return new ChatPage(List.copyOf(rowsLimitPlusOne), null);
    }
    List<Chat> items = List.copyOf(rowsLimitPlusOne.subList(0, limit));
    return new ChatPage(items, items.get(limit - 1).cursor());
  }
}
