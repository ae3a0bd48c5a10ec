package dev.sluice.chat;

import dev.sluice.admission.Priority;

/** Where chat jobs wait for a worker; a job is the id of the assistant message to write. */
public interface ChatJobQueue {

  /**
   * Puts the job on the queue durably; may deliver a job twice, never loses one once it returns.
   */
  void send(String messageId, Priority priority);
}
