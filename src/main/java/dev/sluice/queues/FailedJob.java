package dev.sluice.queues;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;

/**
 * A job message that failed every delivery and waits on its queue's exception destination: its JMS
 * id, the id of the work it names (the text body, as the consumers read it; null when the body is
 * not text), its JMS priority, when it was sent and, where the provider tells, how often it was
 * delivered.
 */
public record FailedJob(
    String messageId, String jobId, int priority, Instant sentAt, Integer deliveryCount) {

  private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

  public static FailedJob of(Message message) throws JMSException {
    long sent = message.getJMSTimestamp();
    return new FailedJob(
        message.getJMSMessageID(),
        jobIdOf(message),
        message.getJMSPriority(),
        sent == 0 ? null : Instant.ofEpochMilli(sent),
        message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : null);
  }

  /** The id the job carries, as ChatJobConsumer and DocumentJobConsumer read it; null if none. */
  static String jobIdOf(Message message) throws JMSException {
    return message instanceof TextMessage text ? text.getText() : null;
  }
}
