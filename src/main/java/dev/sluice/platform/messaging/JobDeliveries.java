package dev.sluice.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What every job's message-driven bean does with a delivery: reads the work's id and the delivery
 * count and hands both to the job's kind. A message that is not a text message names no work: it is
 * refused on every delivery and ends on the queue's exception destination, where an operator can
 * see it.
 */
@ApplicationScoped
public class JobDeliveries {

  private static final Logger LOG = Logger.getLogger(JobDeliveries.class.getName());

  public void deliver(JobKind kind, Message message) {
    String workId;
    int delivery;
    try {
      workId = message.getBody(String.class);
      delivery = message.getIntProperty("JMSXDeliveryCount");
    } catch (JMSException e) {
      LOG.warning(
          kind.name()
              + " job message "
              + id(message)
              + " is unreadable ("
              + e
              + "): refused; it moves to the exception destination after its last delivery");
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
    kind.run(workId, delivery);
  }

  private static String id(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(no id)";
    }
  }
}
