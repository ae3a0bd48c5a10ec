package dev.sluice.platform.messaging;

/**
 * A message that tells a consumer to look at one piece of work: the kind, the work's id (the
 * message's body) and its JMS priority (0 to 9, 9 first).
 */
record JobWakeup(JobKind kind, String workId, int jmsPriority) {}
