package dev.sluice.llm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One message of a conversation: a role and its parts (text and images). */
public record ChatMessage(Role role, List<ContentPart> parts) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one part");
    }
  }

  public static ChatMessage system(String text) {
    return new ChatMessage(Role.SYSTEM, List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text(text)));
  }

  /** The message's text parts joined by blank lines; images are left out. */
  public String text() {
    return parts.stream()
        .filter(ContentPart.Text.class::isInstance)
        .map(p -> ((ContentPart.Text) p).text())
        .collect(Collectors.joining("\n\n"));
  }

  public List<ContentPart.Image> images() {
    return parts.stream()
        .filter(ContentPart.Image.class::isInstance)
        .map(ContentPart.Image.class::cast)
        .toList();
  }
}
