package dev.sluice.queues;

/** Makes the work a failed job names runnable again, if it can be; one per kind of job. */
public interface JobRequeue {

  /**
   * Moves the work {@code jobId} (null when the message names none) back to the state its job's
   * next delivery claims, when it failed; commits before returning.
   */
  Requeue requeue(String jobId);
}
