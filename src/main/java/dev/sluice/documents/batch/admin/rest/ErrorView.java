package dev.sluice.documents.batch.admin.rest;

import dev.sluice.documents.batch.AnalysisResult;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** One failed result: which document and analysis, the safe error code and message, how tried. */
@JsonbNillable
public record ErrorView(
    String documentId,
    int item,
    String analysis,
    String errorCode,
    String errorMessage,
    String model,
    int attempts,
    long timeMs,
    Instant updatedAt) {

  static ErrorView of(AnalysisResult r) {
    return new ErrorView(
        r.key().documentId(),
        r.itemNo(),
        r.key().analysis(),
        r.errorCode(),
        r.errorMessage(),
        r.modelAnswered(),
        r.attempts(),
        r.timeMs(),
        r.updatedAt());
  }
}
