package dev.sluice.documents.jobs.jms;

import dev.sluice.documents.jobs.DocumentJobRunner;
import dev.sluice.platform.messaging.JobDeliveries;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes document job wake-ups off the {@code DocumentJobs} queue, by the JNDI name both servers
 * bind ({@code jms/documentJobs}; Liberty also has activation spec {@code
 * sluice/DocumentJobConsumer}) and hands each to the runner, which returns once the analyses have
 * started. A failure thrown from here rolls the delivery back; after the queue's last redelivery
 * the messaging engine moves the job to {@code DocumentJobsFailed}.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/documentJobs")
    })
public class DocumentJobConsumer implements MessageListener {

  @Inject JobDeliveries deliveries;
  @Inject DocumentJobRunner runner;

  /**
   * No transaction: a wake-up is not persistent and the runner's reads and writes have their own
   * short transactions, so a global one around the delivery would only cost. A failure thrown from
   * here still has the message delivered again.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void onMessage(Message message) {
    deliveries.deliver(runner, message);
  }
}
