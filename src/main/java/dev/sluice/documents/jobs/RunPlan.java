package dev.sluice.documents.jobs;

import dev.sluice.documents.analysis.AnalysisInput;
import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisOptions;
import java.util.List;

/**
 * A claimed run, as the runner needs it: the document (null when it was deleted since), the
 * analyses still to do, how to run them and how many may be in flight at once.
 */
record RunPlan(
    String runId,
    String documentId,
    AnalysisInput input,
    List<AnalysisKind> todo,
    AnalysisOptions options,
    int maxConcurrency) {}
