package dev.sluice.admission;

import java.time.Duration;

/**
 * Admission granted: one in-flight slot of a lane, one request and the estimated tokens already
 * charged to its budgets. Released exactly once, when the call ends however it ends.
 */
public interface Permit {

  /** How long the call waited in the lane's queue before it was admitted. */
  Duration waited();

  /**
   * Frees the slot and reconciles the token budget with what the call really used: unused estimated
   * tokens go back, extra tokens are charged. Calls after the first do nothing.
   *
   * @param actualTokens input plus output tokens the provider reported (0 if the call failed before
   *     the provider counted anything)
   */
  void release(long actualTokens);
}
