package dev.sluice.it;

import dev.sluice.admission.Priority;
import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatDraft;
import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageRole;
import dev.sluice.chat.MessageStatus;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import javax.naming.InitialContext;

/**
 * For tests inside the container: writes a chat with a question and its answer straight through the
 * repository, in one committed transaction, as the server would have left them, and waits for an
 * answer to reach a status.
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

  /** Waits up to 30 s for the answer to reach {@code status}, and returns it then. */
  static ChatMessage await(ChatJobStore store, String id, MessageStatus status)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    ChatMessage message = null;
    while (System.nanoTime() < deadline) {
      message = store.find(id).orElseThrow();
      if (message.status() == status) {
        return message;
      }
      Thread.sleep(100); // polling from the test; the code under test does not sleep
    }
    throw new AssertionError(
        "answer " + id + " never became " + status + "; it is " + message.status());
  }
}
