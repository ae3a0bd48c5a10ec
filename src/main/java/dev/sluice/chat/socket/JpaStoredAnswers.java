package dev.sluice.chat.socket;

import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** {@link StoredAnswers} read through the chat repository. */
@ApplicationScoped
@Transactional
public class JpaStoredAnswers implements StoredAnswers {

  @Inject ChatRepository chats;

  @Override
  public Optional<String> ownerOf(String chatId) {
    return chats.find(chatId).map(Chat::owner);
  }

  @Override
  public Optional<String> latestFrame(String chatId, String messageId) {
    return chats.messagesOf(chatId).stream()
        .filter(message -> message.id().equals(messageId))
        .findFirst()
        .map(Frames::stored);
  }
}
