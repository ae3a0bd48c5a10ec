package dev.sluice.platform.messaging;

/**
 * A message that tells a consumer to look at one piece of work: the kind, the work's id and its JMS
 * priority (0 to 9, 9 first). Wake-ups of one kind and priority travel together ({@link
 * WakeupBundle}) unless {@code alone}: a job that failed inside a bundle is woken alone, so its
 * deliveries are counted and it can end on its failed queue.
 */
record JobWakeup(JobKind kind, String workId, int jmsPriority, boolean alone) {

  JobWakeup(JobKind kind, String workId, int jmsPriority) {
    this(kind, workId, jmsPriority, false);
  }
}
