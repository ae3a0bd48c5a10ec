package dev.sluice.documents.jobs.jms;

import dev.sluice.documents.jobs.DocumentJobRunner;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes document jobs off the {@code DocumentJobs} queue (Liberty: activation spec {@code
 * sluice/DocumentJobConsumer}) and hands each to the runner, which returns once the analyses have
 * started. A failure thrown from here rolls the delivery back; after the queue's last redelivery
 * the messaging engine moves the job to {@code DocumentJobsFailed}.
 */
@MessageDriven(
    activationConfig =
        @ActivationConfigProperty(
            propertyName = "destinationType",
            propertyValue = "jakarta.jms.Queue"))
public class DocumentJobConsumer implements MessageListener {

  @Inject DocumentJobRunner runner;

  @Override
  public void onMessage(Message message) {
    try {
      runner.run(message.getBody(String.class));
    } catch (JMSException e) {
      // Not a text message: it names no run; the engine moves it aside after its last delivery.
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }
}
