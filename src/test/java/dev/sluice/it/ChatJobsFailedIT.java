package dev.sluice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.admission.Priority;
import dev.sluice.chat.ChatJobRunner;
import dev.sluice.chat.ChatJobStore;
import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.ChatRepository;
import dev.sluice.chat.MessageStatus;
import dev.sluice.platform.messaging.JobWakeups;
import dev.sluice.testing.Poll;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: a chat job that fails on every delivery ends its answer failed and moves to
 * {@code ChatJobsFailed} (server.xml's exception destination) for an operator to browse; so do
 * messages that name no answer at all.
 */
@ExtendWith(ArquillianExtension.class)
class ChatJobsFailedIT {

  private static final String MARKER = "sluiceTestMarker";

  @Deployment
  static WebArchive app() {
    return SluiceDeployment.withTests();
  }

  @Inject ChatRepository chats;
  @Inject ChatJobStore store;
  @Inject JobWakeups wakeups;
  @Inject ChatJobRunner runner;

  /**
   * server.xml's variable, which the test server sets to 2 (arquillian.xml), not its default 3: the
   * answer fails and the job leaves the queue on the same delivery only if the application and the
   * queue both read it.
   */
  @Inject
  @ConfigProperty(name = "sluice.chat.max-deliveries")
  int maxDeliveries;

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/chatJobs")
  Queue chatJobs;

  @Resource(name = "jms/chatJobsFailed")
  Queue chatJobsFailed;

  @Test
  void aJobThatFailsEveryDeliveryFailsItsAnswerAndMovesToChatJobsFailed() throws Exception {
    ChatMessage answer =
        AnswerRows.write(chats, "Hello", MessageStatus.QUEUED, "", Clock.systemUTC());
    // The database refuses this answer's claim (its move to streaming) every time, as it would a
    // row it cannot write: every delivery of the job fails. Failing it stays allowed.
    String constraint = "ck_it_refuse_" + answer.id().substring(0, 8);
    execute(
        "ALTER TABLE chat_message ADD CONSTRAINT "
            + constraint
            + " CHECK (id <> '"
            + answer.id()
            + "' OR status <> 'STREAMING')");
    try {
      wakeups.send(runner, answer.id(), Priority.HIGH.jmsPriority());

      ChatMessage failed = AnswerRows.await(store, answer.id(), MessageStatus.FAILED);

      assertEquals("INTERNAL", failed.errorCode());
      assertEquals(2, maxDeliveries, "the test server's sluice.chat.max-deliveries");
      assertEquals(
          "could not be processed (tried " + maxDeliveries + " times)", failed.errorMessage());
      assertEquals("", failed.content());
      awaitFailedJob(textIs(answer.id()), "the answer's job");
    } finally {
      execute("ALTER TABLE chat_message DROP CONSTRAINT " + constraint);
    }
  }

  @Test
  void messagesThatNameNoAnswerMoveToChatJobsFailed() throws Exception {
    String garbage = "no answer id " + UUID.randomUUID();
    String marker = UUID.randomUUID().toString();
    try (JMSContext context = connections.createContext()) {
      context.createProducer().send(chatJobs, garbage);
      context.createProducer().setProperty(MARKER, marker).send(chatJobs, new byte[] {1, 2, 3});
    }

    awaitFailedJob(textIs(garbage), "a text that is no id");
    awaitFailedJob(m -> marker.equals(m.getStringProperty(MARKER)), "a body that is not text");
  }

  /**
   * A message the runner refuses on every delivery leaves the queue after exactly {@code
   * sluice.chat.max-deliveries} of them: the messaging engine reads the same variable.
   */
  @Test
  void theQueueGivesUpOnTheSameDeliveryAsTheRunner() throws Exception {
    String garbage = "bad-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> refusals;
    try (Refusals listening = new Refusals(garbage)) {
      try (JMSContext context = connections.createContext()) {
        context.createProducer().send(chatJobs, garbage);
      }
      awaitFailedJob(textIs(garbage), "the refused message");
      refusals = listening.seen;
    }
    assertEquals(2, maxDeliveries, "the test server's sluice.chat.max-deliveries");
    assertEquals(maxDeliveries, refusals.size(), "deliveries before ChatJobsFailed: " + refusals);
    assertTrue(refusals.get(maxDeliveries - 1).contains("try " + maxDeliveries));
  }

  /**
   * A wake-up bundle (several jobs in one message, one per line) answers its jobs; one that fails
   * in it is woken again alone, its try in the bundle counted, so it gets {@code
   * sluice.chat.max-deliveries} tries in all and ends in ChatJobsFailed by itself, and the bundle's
   * other job is answered once.
   */
  @Test
  void aJobThatFailsInABundleIsWokenAloneAndTheOthersAreAnswered() throws Exception {
    ChatMessage answer =
        AnswerRows.write(chats, "Hello, bundle", MessageStatus.QUEUED, "", Clock.systemUTC());
    String garbage = "bad-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> refusals;
    try (Refusals listening = new Refusals(garbage)) {
      try (JMSContext context = connections.createContext()) {
        context
            .createProducer()
            .setPriority(Priority.HIGH.jmsPriority())
            .send(chatJobs, answer.id() + "\n" + garbage);
      }
      awaitFailedJob(textIs(garbage), "the bundle's refused job, alone");
      refusals = listening.seen;
    }

    AnswerRows.await(store, answer.id(), MessageStatus.COMPLETED);
    assertEquals(maxDeliveries, refusals.size(), "the try in the bundle, then alone: " + refusals);
    assertTrue(refusals.get(0).contains("try 1"), refusals.get(0));
    assertTrue(refusals.get(maxDeliveries - 1).contains("try " + maxDeliveries));
  }

  /** Collects what the runner logs about one refused id while open. */
  private static final class Refusals extends Handler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChatJobRunner.class.getName());
    final List<String> seen = new CopyOnWriteArrayList<>();
    private final String id;

    Refusals(String id) {
      this.id = id;
      LOG.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      String text = record.getMessage();
      if (text != null && text.contains(id)) {
        seen.add(text);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      LOG.removeHandler(this);
    }
  }

  /** Matches a message, like a predicate that may throw JMSException. */
  private interface Match {
    boolean test(Message message) throws JMSException;
  }

  private static Match textIs(String text) {
    return m -> m instanceof TextMessage t && text.equals(t.getText());
  }

  /** Waits (through {@link Poll}) until a message on ChatJobsFailed matches. */
  private void awaitFailedJob(Match match, String what) {
    Poll.untilTrue(() -> holdsFailed(match), () -> what + " to be in ChatJobsFailed");
  }

  private boolean holdsFailed(Match match) {
    try (JMSContext context = connections.createContext();
        QueueBrowser browser = context.createBrowser(chatJobsFailed)) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements()) {
        if (match.test((Message) messages.nextElement())) {
          return true;
        }
      }
      return false;
    } catch (JMSException e) {
      throw new AssertionError("could not browse " + chatJobsFailed, e);
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
