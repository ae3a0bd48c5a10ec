package dev.sluice.chat;

import dev.sluice.platform.rest.PageCursor;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Where chats and their messages are kept. Callers run inside a transaction. */
public interface ChatRepository {

  void add(Chat chat);

  Optional<Chat> find(String id);

  /**
   * Up to {@code max} of {@code owner}'s chats, most recently active first, starting after {@code
   * after}, a cursor on {@code (updatedAt, id)} (from the start when null).
   */
  List<Chat> ownedBy(String owner, PageCursor<LocalDateTime> after, int max);

  /** Removes the chat and every message of it. */
  void delete(Chat chat);

  void addMessage(ChatMessage message);

  /** The chat's messages in order, read only (changes to them are not saved). */
  List<ChatMessage> messagesOf(String chatId);

  /** Up to {@code max} of the chat's messages after {@code afterSeq}, in order. */
  List<ChatMessage> messagesAfter(String chatId, int afterSeq, int max);

  Optional<ChatMessage> findMessage(String id);

  /** The highest {@code seq} used in the chat, 0 when it has no message. */
  int lastSeq(String chatId);

  /** The chat's latest message of {@code role}. */
  Optional<ChatMessage> latest(String chatId, MessageRole role);

  /** Whether an answer after {@code seq} is still queued or streaming. */
  boolean answerUnderWayAfter(String chatId, int seq);
}
