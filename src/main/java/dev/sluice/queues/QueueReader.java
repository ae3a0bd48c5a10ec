package dev.sluice.queues;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the job queues by browsing them, which removes nothing: depths by priority and the failed
 * jobs. Each browse stops after {@code sluice.admin.queue-count-cap} messages so a deep queue never
 * makes the console slow.
 */
@ApplicationScoped
public class QueueReader {

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Inject
  @ConfigProperty(name = "sluice.admin.queue-count-cap", defaultValue = "10000")
  int countCap;

  public QueueSummary summary(JobQueue queue) {
    try (JMSContext context = connections.createContext()) {
      return new QueueSummary(
          queue.name(),
          JobQueue.destination(queue.queue()),
          depth(context, queue.queue()),
          JobQueue.destination(queue.failed()),
          depth(context, queue.failed()));
    }
  }

  /** The newest {@code limit} jobs on the queue's exception destination, newest first. */
  public List<FailedJob> failed(JobQueue queue, int limit) {
    try (JMSContext context = connections.createContext();
        QueueBrowser browser = context.createBrowser(queue.failed())) {
      return NewestFailed.of(browser, limit, countCap);
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private Depth depth(JMSContext context, Queue queue) {
    try (QueueBrowser browser = context.createBrowser(queue)) {
      return Depth.count(browser, countCap);
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }
}
