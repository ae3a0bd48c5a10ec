package dev.sluice.queues;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;

/**
 * One job queue as the console names it ({@code chat-jobs}), the JMS queue its jobs wait on, the
 * exception destination a job moves to after its last failed delivery, and how its work is made
 * runnable again.
 */
public record JobQueue(String name, Queue queue, Queue failed, JobRequeue requeue) {

  /** The JMS name of a destination ({@code ChatJobs}), as the provider reports it. */
  public static String destination(Queue queue) {
    try {
      return queue.getQueueName();
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }
}
