package dev.sluice.platform.messaging;

/** An outbox row whose wake lease has run out: its kind's name, the work's id, its JMS priority. */
record DueJob(String kind, String workId, int jmsPriority) {}
