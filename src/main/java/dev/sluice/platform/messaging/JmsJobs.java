package dev.sluice.platform.messaging;

import dev.sluice.admission.Priority;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * How every Sluice job goes onto its queue: a persistent text message carrying the id of the work,
 * with the JMS priority of its gate priority, so jobs survive a restart and urgent ones go first.
 */
public final class JmsJobs {

  private JmsJobs() {}

  public static void send(
      ConnectionFactory connections, Queue queue, String id, Priority priority) {
    try (JMSContext context = connections.createContext()) {
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.PERSISTENT)
          .setPriority(JmsPriority.of(priority))
          .send(queue, id);
    }
  }
}
