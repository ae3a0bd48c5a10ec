package dev.sluice.chat.socket;

import java.util.Optional;

/** What the socket needs from the database: who owns a chat, and an answer that has left memory. */
public interface StoredAnswers {

  /** The chat's owner; empty when there is no such chat. */
  Optional<String> ownerOf(String chatId);

  /**
   * The frame that brings a client up to date with a stored answer of {@code chatId}: its final
   * frame, or its status while not final; empty when the chat has no such message.
   */
  Optional<String> latestFrame(String chatId, String messageId);
}
