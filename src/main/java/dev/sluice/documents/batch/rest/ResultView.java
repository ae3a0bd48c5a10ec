package dev.sluice.documents.batch.rest;

import dev.sluice.documents.batch.AnalysisResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** One result of a batch: the document, the analysis, its output or safe error, and its cost. */
public record ResultView(
    String documentId,
    int item,
    String analysis,
    String status,
    String output,
    String model,
    int inputTokens,
    int outputTokens,
    BigDecimal costUsd,
    int attempts,
    long timeMs,
    String errorCode,
    String errorMessage,
    Instant updatedAt) {

  static ResultView of(AnalysisResult r) {
    return new ResultView(
        r.key().documentId(),
        r.itemNo(),
        r.key().analysis(),
        r.status().name().toLowerCase(Locale.ROOT),
        r.output(),
        r.modelAnswered(),
        r.inputTokens(),
        r.outputTokens(),
        r.costUsd(),
        r.attempts(),
        r.timeMs(),
        r.errorCode(),
        r.errorMessage(),
        r.updatedAt());
  }
}
