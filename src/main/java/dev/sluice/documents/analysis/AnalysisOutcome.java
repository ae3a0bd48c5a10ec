package dev.sluice.documents.analysis;

import java.math.BigDecimal;

/**
 * The result of one analysis of one document. {@code output} is plain text for summary, image
 * description, transcription and custom; a JSON array of strings for key points; a JSON object
 * {@code {"label","score","reason"}} for sentiment. {@code transcript} is set when an audio
 * document was transcribed on the way, so the caller can keep it as the document's text. Error
 * fields are safe to show users: a code and a one-line reason, never a key or a stack trace.
 */
public record AnalysisOutcome(
    AnalysisStatus status,
    String output,
    String modelAnswered,
    int inputTokens,
    int outputTokens,
    BigDecimal costUsd,
    int attempts,
    long timeMs,
    String errorCode,
    String errorMessage,
    String transcript) {

  public static AnalysisOutcome skipped(String reason) {
    return new AnalysisOutcome(
        AnalysisStatus.SKIPPED,
        null,
        null,
        0,
        0,
        BigDecimal.ZERO,
        0,
        0,
        "NOT_APPLICABLE",
        reason,
        null);
  }

  public static AnalysisOutcome failed(String code, String reason, int attempts, long timeMs) {
    return new AnalysisOutcome(
        AnalysisStatus.FAILED,
        null,
        null,
        0,
        0,
        BigDecimal.ZERO,
        attempts,
        timeMs,
        code,
        reason,
        null);
  }
}
