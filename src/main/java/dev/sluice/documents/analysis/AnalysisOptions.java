package dev.sluice.documents.analysis;

import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.Priority;

/**
 * How to run an analysis: the model (null: the default model), the gate priority, for {@code
 * custom} the user's instruction, who the calls are for (the document's id is filled in per
 * analysis), and the group its calls join so that they can be cancelled together.
 */
public record AnalysisOptions(
    String model, Priority priority, String customInstruction, CallOrigin origin, CallGroup calls) {

  public AnalysisOptions {
    origin = origin == null ? CallOrigin.UNKNOWN : origin;
    calls = calls == null ? CallGroup.NONE : calls;
  }

  /** Options whose calls nobody cancels as a group. */
  public AnalysisOptions(
      String model, Priority priority, String customInstruction, CallOrigin origin) {
    this(model, priority, customInstruction, origin, CallGroup.NONE);
  }

  /** Options whose calls are recorded without an origin (tests, tools). */
  public AnalysisOptions(String model, Priority priority, String customInstruction) {
    this(model, priority, customInstruction, CallOrigin.UNKNOWN);
  }
}
