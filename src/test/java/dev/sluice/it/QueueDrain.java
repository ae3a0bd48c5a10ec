package dev.sluice.it;

import dev.sluice.testing.Poll;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * The positive signal a "nothing more happened" check waits for: every wake-up naming a piece of
 * work has left its queue, i.e. has been delivered and its delivery has ended.
 */
final class QueueDrain {

  private QueueDrain() {}

  /** Waits (through {@link Poll}) until no message on {@code queue} has the text {@code id}. */
  static void awaitNoneFor(ConnectionFactory connections, Queue queue, String id) {
    Poll.untilTrue(
        () -> !holds(connections, queue, id),
        () -> "the wake-ups of " + id + " to leave their queue");
  }

  private static boolean holds(ConnectionFactory connections, Queue queue, String id) {
    try (JMSContext context = connections.createContext();
        QueueBrowser browser = context.createBrowser(queue)) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements()) {
        if (messages.nextElement() instanceof TextMessage t && id.equals(t.getText())) {
          return true;
        }
      }
      return false;
    } catch (JMSException e) {
      throw new AssertionError("could not browse " + queue, e);
    }
  }
}
