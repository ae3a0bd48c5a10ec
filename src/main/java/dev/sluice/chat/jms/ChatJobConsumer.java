package dev.sluice.chat.jms;

import dev.sluice.chat.ChatJobRunner;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Takes chat jobs off the {@code ChatJobs} queue (Liberty: activation spec {@code
 * sluice/ChatJobConsumer}) and hands each to the runner, which returns once the answer has started.
 * A failure thrown from here rolls the delivery back; after the queue's last redelivery the
 * messaging engine moves the job to {@code ChatJobsFailed}.
 */
@MessageDriven(
    activationConfig =
        @ActivationConfigProperty(
            propertyName = "destinationType",
            propertyValue = "jakarta.jms.Queue"))
public class ChatJobConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ChatJobConsumer.class.getName());

  @Inject ChatJobRunner runner;

  @Override
  public void onMessage(Message message) {
    try {
      runner.run(message.getBody(String.class), message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      // Not a text message: it names no answer that could be marked failed, so say so here.
      LOG.warning(
          "chat job message "
              + id(message)
              + " is unreadable ("
              + e
              + "): refused; it moves to ChatJobsFailed after its last delivery");
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private static String id(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(no id)";
    }
  }
}
