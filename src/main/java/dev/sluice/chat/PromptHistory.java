package dev.sluice.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a chat's messages a prompt carries once answers were regenerated and questions edited.
 * Every version stays in the chat and on the page, but the model should see the conversation as the
 * user now means it: a replaced answer is left out, and so is a replaced question with all the
 * answers it got. Only the latest question or answer can be replaced ({@link MessageService}), so
 * an answer's question is the nearest user message before it.
 */
final class PromptHistory {

  private PromptHistory() {}

  /** The messages, in seq order, that still stand. */
  static List<ChatMessage> current(List<ChatMessage> messages) {
    Set<Integer> replaced =
        messages.stream()
            .map(ChatMessage::replacesSeq)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    List<ChatMessage> kept = new ArrayList<>(messages.size());
    boolean questionStands = true;
    for (ChatMessage message : messages) {
      boolean stands = !replaced.contains(message.seq());
      switch (message.role()) {
        case USER -> questionStands = stands;
        case ASSISTANT -> stands = stands && questionStands;
        case SYSTEM -> {
          // not kept as chat messages (a chat's system prompt is its own field); kept if present
        }
      }
      if (stands) {
        kept.add(message);
      }
    }
    return kept;
  }
}
