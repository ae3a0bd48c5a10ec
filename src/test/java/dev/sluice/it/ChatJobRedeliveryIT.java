package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.admission.Priority;
import dev.sluice.chat.Chat;
import dev.sluice.chat.ChatDraft;
import dev.sluice.chat.ChatJobRunner;
import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageRole;
import dev.sluice.chat.MessageStatus;
import dev.sluice.platform.messaging.JobWakeups;
import dev.sluice.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
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
 * Inside the container: a chat job woken twice, and run again by hand, still writes exactly one
 * answer: both wake-ups may reach the admission gate, but only one call claims the answer (a
 * conditional update from queued to streaming); the other is dropped before it sends anything.
 */
@ExtendWith(ArquillianExtension.class)
class ChatJobRedeliveryIT {

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject ChatRepository chats;
  @Inject JobWakeups wakeups;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/chatJobs")
  Queue chatJobs;

  @Inject ChatJobStore store;
  @Inject ChatJobRunner runner;
  @Inject MetricRegistry metrics;

  @Test
  void aJobDeliveredTwiceIsAnsweredOnce() throws Exception {
    long completedBefore = completed();
    ChatMessage answer = queuedAnswer("[sim:tokens=8] Hello twice");

    wakeups.send(runner, answer.id(), Priority.HIGH.jmsPriority());
    wakeups.send(runner, answer.id(), Priority.HIGH.jmsPriority());
    ChatMessage done = await(answer.id(), MessageStatus.COMPLETED);
    // Run by hand: it finds the answer no longer queued and returns without a call.
    runner.start(answer.id());
    QueueDrain.awaitNoneFor(connections, chatJobs, answer.id());

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

  private ChatMessage await(String id, MessageStatus status) {
    return Poll.until(
        () -> store.find(id).filter(m -> m.status() == status),
        () -> "answer " + id + " to become " + status);
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
