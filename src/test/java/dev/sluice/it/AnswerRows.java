package dev.sluice.it;

import dev.sluice.admission.Priority;
import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatDraft;
import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageRole;
import dev.sluice.chat.MessageStatus;
import dev.sluice.testing.Poll;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.Optional;
import javax.naming.InitialContext;

/**
 * For tests inside the container: writes a chat with a question and its answer straight through the
 * repository, in one committed transaction, as the server would have left them, and waits for an
 * answer to reach a status. A deployment that adds this class adds {@link Poll} too.
 */
final class AnswerRows {

  private AnswerRows() {}

  /** A new chat of {@code demo} whose answer to {@code question} is {@code status}. */
  static ChatMessage write(
      ChatRepository chats, String question, MessageStatus status, String content, Clock clock)
      throws Exception {
    UserTransaction tx = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    tx.begin();
    try {
      Chat chat = Chat.start("demo", new ChatDraft("stored", "sim-large", null), clock);
      chats.add(chat);
      chats.addMessage(
          ChatMessage.of(
              chat, 1, MessageRole.USER, question, MessageStatus.COMPLETED, Priority.HIGH, clock));
      ChatMessage answer =
          ChatMessage.of(chat, 2, MessageRole.ASSISTANT, content, status, Priority.HIGH, clock);
      chats.addMessage(answer);
      tx.commit();
      return answer;
    } catch (Exception | Error e) {
      tx.rollback();
      throw e;
    }
  }

  /** Waits (through {@link Poll}) for the answer to reach {@code status}, and returns it then. */
  static ChatMessage await(ChatJobStore store, String id, MessageStatus status) {
    ChatMessage[] last = new ChatMessage[1];
    return Poll.until(
        () -> {
          last[0] = store.find(id).orElseThrow();
          return Optional.of(last[0]).filter(m -> m.status() == status);
        },
        () -> "answer " + id + " to become " + status + "; it is " + last[0].status());
  }
}
