package dev.sluice.documents.batch;

import jakarta.batch.runtime.BatchStatus;

/** A batch's state, as the batch runtime reports its latest execution. */
public enum BatchState {
  STARTING,
  STARTED,
  STOPPING,
  STOPPED,
  FAILED,
  COMPLETED,
  ABANDONED;

  public static BatchState of(BatchStatus status) {
    return valueOf(status.name());
  }

  /** Whether the batch will not move again by itself. */
  public boolean isFinal() {
    return this == STOPPED || this == FAILED || this == COMPLETED || this == ABANDONED;
  }

  /** Whether a restart may resume it: stopped or failed, not completed or abandoned. */
  public boolean isRestartable() {
    return this == STOPPED || this == FAILED;
  }
}
