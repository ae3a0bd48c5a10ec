package dev.sluice.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every job's message-driven bean does with a delivery: reads the work ids (a {@link
 * WakeupBundle}'s lines, usually one), the delivery count and the priority, and hands each job to
 * its kind. A message that is not a text message names no work: it is refused on every delivery and
 * ends on the queue's exception destination, where an operator can see it.
 *
 * <p>A message that names one job is that job's: a failure is thrown, the message is delivered
 * again, and after its last delivery it ends on the failed queue. A job inside a bundle of several
 * is tried once uncounted ({@link JobKind#IN_BUNDLE}); if that fails it is woken again alone, so
 * that it gets deliveries of its own, counted as before, while the others of its bundle are not
 * delivered twice.
 */
@ApplicationScoped
public class JobDeliveries {

  private static final Logger LOG = Logger.getLogger(JobDeliveries.class.getName());

  @Inject JobWakeups wakeups;

  public void deliver(JobKind kind, Message message) {
    String body;
    int delivery;
    int priority;
    try {
      body = message.getBody(String.class);
      delivery = message.getIntProperty("JMSXDeliveryCount");
      priority = message.getJMSPriority();
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
    deliver(kind, body, delivery, priority);
  }

  void deliver(JobKind kind, String body, int delivery, int priority) {
    List<String> workIds = WakeupBundle.workIds(body);
    if (workIds.size() <= 1) {
      // One job's own message (or one naming nothing, which the kind refuses).
      kind.run(workIds.isEmpty() ? body : workIds.get(0), delivery);
      return;
    }
    for (String workId : workIds) {
      try {
        kind.run(workId, JobKind.IN_BUNDLE);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            kind.name()
                + " job "
                + workId
                + " failed in a bundle of "
                + workIds.size()
                + ": woken again alone",
            e);
        wakeups.sendAlone(kind, workId, priority);
      }
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
