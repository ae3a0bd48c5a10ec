package dev.sluice.platform.messaging;

/**
 * A message that tells a consumer to look at one piece of work: the kind, the work's id and its JMS
 * priority (0 to 9, 9 first). Wake-ups of one kind and priority travel together ({@link
 * WakeupBundle}) unless the job has been tried already ({@code triedBefore}, the tries of a job
 * that failed inside a bundle): such a job is woken alone, so that its deliveries are its own,
 * counted on from its earlier tries, and it can end on its failed queue.
 */
public record JobWakeup(JobKind kind, String workId, int jmsPriority, int triedBefore) {

  /** A job's first wake-up, or one after a lease ran out. */
  public JobWakeup(JobKind kind, String workId, int jmsPriority) {
    this(kind, workId, jmsPriority, 0);
  }

  boolean alone() {
    return triedBefore > 0;
  }
}
