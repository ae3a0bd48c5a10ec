package dev.sluice.platform.messaging;

import jakarta.jms.Queue;

/**
 * One kind of job (chat answers, document uploads, ...): what it is called in the outbox, the queue
 * its wake-ups go to, and what a delivery does. Everything else a job needs (the durable outbox
 * row, the batched wake-up after commit, the sweep that re-sends lost wake-ups, the message-driven
 * delivery) is {@link JobOutbox}'s and {@link JobDeliveries}'s, so a new kind of job is one class
 * of this type and a one-line message-driven bean.
 */
public interface JobKind {

  /** The outbox's name for this kind, e.g. {@code chat}; at most 32 characters. */
  String name();

  /** Where its wake-ups are sent. */
  Queue queue();

  /**
   * Where a job goes after its last delivery, for an operator to see and retry: the queue the
   * messaging engine moves the job's own message to after {@link #maxDeliveries()} deliveries.
   */
  Queue failedQueue();

  /**
   * How many tries a job gets: the same number as its queue's redelivery limit in the messaging
   * engine's configuration, so that the job's last try and its move to {@link #failedQueue()}
   * agree. Tries inside a bundle count too ({@link JobDeliveries}).
   */
  int maxDeliveries();

  /**
   * Runs try number {@code delivery} (from 1) of the job for {@code workId}, on the message-driven
   * bean's thread: it must hand long work on and return. Work that is no longer waiting (claimed,
   * ended, deleted) is ignored; a failure thrown from here is tried again, until the last try.
   */
  void run(String workId, int delivery);

  /**
   * Whether this server already holds the work (handed to the admission gate and waiting there), so
   * a sweep need not wake it again.
   */
  default boolean inHand(String workId) {
    return false;
  }
}
