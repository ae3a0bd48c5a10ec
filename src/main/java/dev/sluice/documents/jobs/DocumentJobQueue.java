package dev.sluice.documents.jobs;

import dev.sluice.admission.Priority;

/** Where document jobs wait for a worker; a job is the id of the run to carry out. */
public interface DocumentJobQueue {

  /**
   * Puts the job on the queue durably; may deliver a job twice, never loses one once it returns.
   */
  void send(String runId, Priority priority);
}
