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
 * again, and after its last delivery the messaging engine moves it to the failed queue. A job
 * inside a bundle of several is tried as the bundle's delivery; if that fails it is woken again
 * alone, its message saying how many tries it has had ({@link #TRIED_BEFORE}), so that it still
 * gets {@link JobKind#maxDeliveries()} tries in all, while the others of its bundle are not
 * delivered twice. Such a job's last try comes before the messaging engine's count reaches its
 * limit, so a job that fails it is moved to the failed queue from here.
 */
@ApplicationScoped
public class JobDeliveries {

  /** The message property of a job woken alone: how many tries it had before this message. */
  static final String TRIED_BEFORE = "SluiceTriedBefore";

  private static final Logger LOG = Logger.getLogger(JobDeliveries.class.getName());

  @Inject JobWakeups wakeups;

  public void deliver(JobKind kind, Message message) {
    String body;
    int delivery;
    int triedBefore;
    int priority;
    try {
      body = message.getBody(String.class);
      delivery = message.getIntProperty("JMSXDeliveryCount");
      triedBefore = message.propertyExists(TRIED_BEFORE) ? message.getIntProperty(TRIED_BEFORE) : 0;
      priority = message.getJMSPriority();
    } catch (JMSException | NumberFormatException e) {
      LOG.warning(
          kind.name()
              + " job message "
              + id(message)
              + " is unreadable ("
              + e
              + "): refused; it moves to the exception destination after its last delivery");
      throw new JMSRuntimeException(e.getMessage(), null, e);
    }
    // A bound for a message sent by hand with a wild count: it only makes the try the last.
    deliver(kind, body, delivery, Math.max(0, Math.min(triedBefore, 1000)), priority);
  }

  void deliver(JobKind kind, String body, int delivery, int triedBefore, int priority) {
    List<String> workIds = WakeupBundle.workIds(body);
    if (workIds.size() <= 1) {
      // One job's own message (or one naming nothing, which the kind refuses).
      runOwn(kind, workIds.isEmpty() ? body : workIds.get(0), delivery, triedBefore, priority);
      return;
    }
    for (String workId : workIds) {
      try {
        kind.run(workId, delivery);
      } catch (RuntimeException e) {
        if (delivery >= kind.maxDeliveries()) {
          moveToFailed(kind, workId, delivery, priority, e);
        } else {
          LOG.log(
              Level.WARNING,
              kind.name()
                  + " job "
                  + workId
                  + " failed in a bundle of "
                  + workIds.size()
                  + " (try "
                  + delivery
                  + "): woken again alone",
              e);
          wakeups.sendAlone(kind, workId, priority, delivery);
        }
      }
    }
  }

  /** A message of one job: its try number is its deliveries and the tries it had in a bundle. */
  private void runOwn(JobKind kind, String workId, int delivery, int triedBefore, int priority) {
    int tried = triedBefore + delivery;
    try {
      kind.run(workId, tried);
    } catch (RuntimeException e) {
      if (triedBefore == 0 || tried < kind.maxDeliveries()) {
        // Delivered again; after its last delivery the messaging engine moves it.
        throw e;
      }
      // Its last try, though the engine counted fewer (the first were in a bundle) and would
      // deliver it again.
      moveToFailed(kind, workId, tried, priority, e);
    }
  }

  /**
   * Puts a job that failed its last try on its failed queue. If that send fails too, it is logged
   * and nothing is lost: a chat answer was marked failed on its last try, and work that its kind
   * could not end (a claim that failed) keeps its outbox row, which the sweep wakes again.
   */
  private void moveToFailed(JobKind kind, String workId, int tried, int priority, Exception e) {
    LOG.log(
        Level.WARNING,
        kind.name()
            + " job "
            + workId
            + " failed its last try ("
            + tried
            + "): moved to its failed queue",
        e);
    try {
      wakeups.sendFailed(kind.failedQueue(), workId, priority);
    } catch (RuntimeException f) {
      LOG.log(
          Level.SEVERE,
          kind.name() + " job " + workId + " could not be moved to its failed queue",
          f);
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
