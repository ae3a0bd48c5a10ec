package dev.sluice.documents.batch;

import jakarta.batch.runtime.BatchStatus;

/** A batch's state, as the batch runtime reports its latest execution. */
public enum BatchState {
  STARTING,
  STARTED,
  /**
   * A provider-mode batch whose job has handed its requests to the provider's batch API: nothing
   * runs here until the provider's batches end and their results are collected.
   */
  WAITING,
  STOPPING,
  STOPPED,
  FAILED,
  COMPLETED,
  ABANDONED;

  /** The state of a job execution (never {@link #WAITING}, which is the batch's own). */
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
