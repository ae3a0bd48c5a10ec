package dev.sluice.chat.jms;

import dev.sluice.admission.Priority;
import dev.sluice.chat.ChatJobQueue;
import dev.sluice.platform.messaging.JmsJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

/**
 * {@link ChatJobQueue} on JMS: a persistent message whose body is the answer's message id. The
 * resources are the portable references of {@code web.xml} ({@code java:comp/env/jms/...}).
 */
@ApplicationScoped
public class JmsChatJobQueue implements ChatJobQueue {

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Resource(name = "jms/chatJobs")
  Queue chatJobs;

  @Override
  public void send(String messageId, Priority priority) {
    JmsJobs.send(connections, chatJobs, messageId, priority);
  }
}
