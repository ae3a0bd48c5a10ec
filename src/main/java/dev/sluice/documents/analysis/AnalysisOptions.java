package dev.sluice.documents.analysis;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.Priority;

/**
 * How to run an analysis: the model (null: the default model), the gate priority, for {@code
 * custom} the user's instruction, and who the calls are for (the document's id is filled in per
 * analysis).
 */
public record AnalysisOptions(
    String model, Priority priority, String customInstruction, CallOrigin origin) {

  public AnalysisOptions {
    origin = origin == null ? CallOrigin.UNKNOWN : origin;
  }

  /** Options whose calls are recorded without an origin (tests, tools). */
  public AnalysisOptions(String model, Priority priority, String customInstruction) {
    this(model, priority, customInstruction, CallOrigin.UNKNOWN);
  }
}
