package dev.sluice.chat.jms;

import dev.sluice.chat.ChatJobRunner;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes chat jobs off the {@code ChatJobs} queue (Liberty: activation spec {@code
 * sluice/ChatJobConsumer}) and hands each to the runner, which returns once the answer has started.
 */
@MessageDriven(
    activationConfig =
        @ActivationConfigProperty(
            propertyName = "destinationType",
            propertyValue = "jakarta.jms.Queue"))
public class ChatJobConsumer implements MessageListener {

  @Inject ChatJobRunner runner;

  @Override
  public void onMessage(Message message) {
    try {
      runner.run(message.getBody(String.class), message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }
}
