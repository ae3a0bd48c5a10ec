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
   * A job's try inside a bundle of several ({@link WakeupBundle}): no delivery count knows of it,
   * and it is never the last, since a failure thrown from it wakes the job again alone.
   */
  int IN_BUNDLE = 0;

  /**
   * Runs delivery number {@code delivery} of the job for {@code workId} (or {@link #IN_BUNDLE}), on
   * the message-driven bean's thread: it must hand long work on and return. Work that is no longer
   * waiting (claimed, ended, deleted) is ignored; a failure thrown from here is delivered again.
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
