package dev.sluice.documents.analysis;

import java.util.concurrent.CompletionStage;

/**
 * Runs one analysis of one document through the admission gate, without holding a thread while the
 * provider works. The stage always completes normally: a failure is an outcome with status {@link
 * AnalysisStatus#FAILED}, an analysis that does not apply one with {@link AnalysisStatus#SKIPPED}.
 */
public interface DocumentAnalyzer {

  CompletionStage<AnalysisOutcome> analyze(
      AnalysisInput input, AnalysisKind kind, AnalysisOptions options);
}
