package dev.sluice.documents.jobs.jms;

import dev.sluice.documents.jobs.DocumentJobRunner;
import dev.sluice.platform.messaging.JobDeliveries;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes document job wake-ups off the {@code DocumentJobs} queue (Liberty: activation spec {@code
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

  @Inject JobDeliveries deliveries;
  @Inject DocumentJobRunner runner;

  @Override
  public void onMessage(Message message) {
    deliveries.deliver(runner, message);
  }
}
