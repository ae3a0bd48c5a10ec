package dev.sluice.chat.rest;

import dev.sluice.chat.Chat;
import java.time.Instant;

/** A chat as the API shows it. */
public record ChatView(
    String id,
    String title,
    String model,
    String systemPrompt,
    String owner,
    Instant createdAt,
    Instant updatedAt) {

  static ChatView of(Chat chat) {
    return new ChatView(
        chat.id(),
        chat.title(),
        chat.model(),
        chat.systemPrompt(),
        chat.owner(),
        chat.createdAt(),
        chat.updatedAt());
  }
}
