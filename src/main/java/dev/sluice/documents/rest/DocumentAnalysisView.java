package dev.sluice.documents.rest;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.batch.AnalysisResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One analysis of a document in one run (a batch, or the upload that asked for it): its status and,
 * once it has ended, its output or safe error and what it cost.
 */
public record DocumentAnalysisView(
    @Schema(description = "The run: a batch's id, or the upload's own run") String runId,
    String analysis,
    @Schema(description = "queued (just asked for), completed, failed or skipped") String status,
    String output,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    BigDecimal costUsd,
    String errorCode,
    String errorMessage,
    Instant updatedAt) {

  static DocumentAnalysisView queued(String runId, AnalysisKind kind) {
    return new DocumentAnalysisView(
        runId, kind.apiName(), "queued", null, null, null, null, null, null, null, null);
  }

  static DocumentAnalysisView of(AnalysisResult r) {
    return new DocumentAnalysisView(
        r.key().batchId(),
        r.key().analysis(),
        r.status().name().toLowerCase(Locale.ROOT),
        r.output(),
        r.modelAnswered(),
        r.inputTokens(),
        r.outputTokens(),
        r.costUsd(),
        r.errorCode(),
        r.errorMessage(),
        r.updatedAt());
  }
}
