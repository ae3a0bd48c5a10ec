package dev.sluice.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

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
    // Loops, not streams: a plan's every message is read several times on each chat job's way
    // (its size, the token estimate, the context trimming, the request), and almost all of them
    // are a single text part.
    if (parts.size() == 1) {
      return parts.get(0) instanceof ContentPart.Text only ? only.text() : "";
    }
    StringJoiner joined = new StringJoiner("\n\n");
    for (ContentPart part : parts) {
      if (part instanceof ContentPart.Text text) {
        joined.add(text.text());
      }
    }
    return joined.toString();
  }

  public List<ContentPart.Image> images() {
    List<ContentPart.Image> images = new ArrayList<>(0);
    for (ContentPart part : parts) {
      if (part instanceof ContentPart.Image image) {
        images.add(image);
      }
    }
    return images.isEmpty() ? List.of() : List.copyOf(images);
  }
}
