package dev.sluice.documents.analysis;

/** How one analysis of one document ended. */
public enum AnalysisStatus {
  COMPLETED,
  /**
   * Tried and failed (after the gate's retries and fallbacks, or invalid output after a repair).
   */
  FAILED,
  /** Not applicable to this document (for example a summary of an image). */
  SKIPPED
}
