package dev.sluice.queues;

import dev.sluice.platform.config.ConfigView;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Takes a job off its queue's exception destination, to run again or to drop. Each runs in one JTA
 * transaction that holds only the JMS work, so the message leaves the exception destination exactly
 * when its copy reaches the queue: a crash before the commit leaves it where it was. The work's
 * state is reset in its own transaction in between (no two-phase commit, as elsewhere), after the
 * message is held by this transaction and before the copy can be delivered; a crash between the two
 * commits leaves the work runnable and the message still listed, so the retry can simply be
 * repeated.
 */
@ApplicationScoped
public class FailedJobs {

  @Resource(name = "jms/sluiceCF")
  ConnectionFactory connections;

  @Inject Config config;

  /** A retried job: the message taken off, the id it carries, and its work's state now. */
  public record Retried(String queue, String messageId, String jobId, String jobState) {}

  /**
   * Moves the message back to its queue, its work made runnable first. It is sent with its work's
   * priority: the message's own is not to be trusted, as Liberty's messaging engine was seen to
   * report 0 for a message it had moved to an exception destination.
   */
  @Transactional
  public Retried retry(JobQueue queue, String messageId) {
    try (JMSContext context = connections.createContext()) {
      Message message = take(context, queue, messageId);
      String jobId = FailedJob.jobIdOf(message);
      Requeue requeue = queue.requeue().requeue(jobId);
      if (!requeue.runnable()) {
        // Thrown inside the transaction: the message stays where it is, for a discard.
        throw new ProblemException(
            Problem.of(
                    409,
                    "Conflict",
                    "messageId: its job can not run again (its work is "
                        + requeue.state()
                        + "); discard the message instead")
                .withErrors(
                    List.of(
                        new Problem.FieldError(
                            MessageIds.FIELD, "its job's work is " + requeue.state()))));
      }
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.PERSISTENT)
          .setPriority(requeue.jmsPriority())
          .send(queue.queue(), jobId);
      return new Retried(queue.name(), messageId, jobId, requeue.state());
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  /** Drops the message; its work keeps the state it has. */
  @Transactional
  public void discard(JobQueue queue, String messageId) {
    try (JMSContext context = connections.createContext()) {
      take(context, queue, messageId);
    }
  }

  /** Receives the message in this transaction, or a 404 problem naming {@code messageId}. */
  private Message take(JMSContext context, JobQueue queue, String messageId) {
    String selector = MessageIds.selector(messageId);
    // A browse answers at once; a receive that finds nothing would wait out its timeout first.
    if (!present(context, queue, selector)) {
      throw gone(queue, messageId);
    }
    try (JMSConsumer consumer = context.createConsumer(queue.failed(), selector)) {
      Message message = consumer.receive(receiveWait().toMillis());
      if (message == null) {
        throw gone(queue, messageId); // taken by a concurrent retry or discard
      }
      return message;
    }
  }

  private static boolean present(JMSContext context, JobQueue queue, String selector) {
    try (QueueBrowser browser = context.createBrowser(queue.failed(), selector)) {
      return browser.getEnumeration().hasMoreElements();
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private Duration receiveWait() {
    return ConfigView.of(config)
        .getDuration("sluice.admin.queue-receive-wait", Duration.ofSeconds(2));
  }

  private static ProblemException gone(JobQueue queue, String messageId) {
    String message =
        "no message "
            + messageId
            + " among "
            + queue.name()
            + "'s failed jobs (retried or dropped?)";
    return new ProblemException(
        Problem.of(404, "Not Found", "messageId: " + message)
            .withErrors(List.of(new Problem.FieldError(MessageIds.FIELD, message))));
  }
}
