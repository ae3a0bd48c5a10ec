package dev.sluice.platform.cluster;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the other nodes' events off the {@code ClusterEvents} topic ({@code jms/clusterEvents});
 * every node has its own subscription, so each hears all of them. Liberty's activation spec {@code
 * sluice/ClusterEventConsumer} asks for one session; with more (WildFly's default) the bus still
 * hands each node's messages on in the order it sent them ({@link Resequencer}).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/clusterEvents")
    })
public class ClusterEventConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(ClusterEventConsumer.class.getName());

  @Inject ClusterBus bus;

  /**
   * No transaction and no redelivery: a live event handled twice or late is worth less than none,
   * and a message that cannot be read is logged and dropped.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void onMessage(Message message) {
    try {
      bus.receive(message.getBody(String.class));
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.WARNING, "a message from another node was dropped", e);
    }
  }
}
