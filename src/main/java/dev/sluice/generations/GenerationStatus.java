package dev.sluice.generations;

/** How a provider call ended. */
public enum GenerationStatus {
  COMPLETED,
  FAILED,
  CANCELLED
}
