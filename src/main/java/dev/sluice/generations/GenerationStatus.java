package dev.sluice.generations;

/** How a provider call ended. */
public enum GenerationStatus {
  COMPLETED,
  FAILED,
  CANCELLED,
  /** Cut after it started: its stream broke, or the server stopped while it ran. */
  INTERRUPTED
}
