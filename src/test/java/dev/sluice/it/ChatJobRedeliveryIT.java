package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.admission.Priority;
import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatDraft;
import dev.sluice.chat.ChatJobQueue;
import dev.sluice.chat.ChatJobRunner;
import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageRole;
import dev.sluice.chat.MessageStatus;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import javax.naming.InitialContext;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: a chat job sent to the queue twice, and run again by hand, still writes
 * exactly one answer, because the consumer only claims an answer that is still queued.
 */
@ExtendWith(ArquillianExtension.class)
class ChatJobRedeliveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.war().addClass(ChatJobRedeliveryIT.class);
  }

  @Inject ChatRepository chats;
  @Inject ChatJobQueue queue;
  @Inject ChatJobStore store;
  @Inject ChatJobRunner runner;
  @Inject MetricRegistry metrics;

  @Test
  void aJobDeliveredTwiceIsAnsweredOnce() throws Exception {
    long completedBefore = completed();
    ChatMessage answer = queuedAnswer("[sim:tokens=8] Hello twice");

    queue.send(answer.id(), Priority.HIGH);
    queue.send(answer.id(), Priority.HIGH);
    ChatMessage done = await(answer.id(), MessageStatus.COMPLETED);
    runner.start(answer.id());
    Thread.sleep(1_000); // room for a wrong second answer to show up

    List<ChatMessage> all = chats.messagesOf(answer.chatId());
    assertEquals(2, all.size());
    ChatMessage after = store.find(answer.id()).orElseThrow();
    assertEquals(MessageStatus.COMPLETED, after.status());
    assertEquals(done.content(), after.content());
    assertEquals(done.updatedAt(), after.updatedAt());
    assertFalse(after.content().isBlank());
    assertEquals(1, completed() - completedBefore);
  }

  private ChatMessage queuedAnswer(String question) throws Exception {
    UserTransaction tx = (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    Clock clock = Clock.systemUTC();
    tx.begin();
    Chat chat = Chat.start("demo", new ChatDraft("redelivery", "sim-large", null), clock);
    chats.add(chat);
    chats.addMessage(
        ChatMessage.of(
            chat, 1, MessageRole.USER, question, MessageStatus.COMPLETED, Priority.HIGH, clock));
    ChatMessage answer =
        ChatMessage.of(
            chat, 2, MessageRole.ASSISTANT, "", MessageStatus.QUEUED, Priority.HIGH, clock);
    chats.addMessage(answer);
    tx.commit();
    return answer;
  }

  private ChatMessage await(String id, MessageStatus status) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      ChatMessage message = store.find(id).orElseThrow();
      if (message.status() == status) {
        return message;
      }
      Thread.sleep(100); // polling from the test; the code under test does not sleep
    }
    throw new AssertionError("answer " + id + " never became " + status);
  }

  private long completed() {
    var counter =
        metrics
            .getCounters()
            .get(
                new org.eclipse.microprofile.metrics.MetricID(
                    "sluice.chat.jobs", new Tag("outcome", "completed")));
    return counter == null ? 0 : counter.getCount();
  }
}
