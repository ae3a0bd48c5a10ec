package dev.sluice.chat.rest;

import dev.sluice.chat.ChatPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of chats; {@code next} is passed back as {@code after} for the following page. */
public record ChatPageView(
    List<ChatView> items,
    @Schema(description = "Cursor of the next page; absent on the last page") String next) {

  static ChatPageView of(ChatPage page) {
    return new ChatPageView(
        page.items().stream().map(ChatView::of).toList(),
        page.next() == null ? null : page.next().encode());
  }
}
