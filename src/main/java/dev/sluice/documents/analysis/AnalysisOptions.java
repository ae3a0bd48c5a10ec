package dev.sluice.documents.analysis;

import dev.sluice.admission.Priority;

/**
 * How to run an analysis: the model (null: the default model), the gate priority, and for {@code
 * custom} the user's instruction.
 */
public record AnalysisOptions(String model, Priority priority, String customInstruction) {}
