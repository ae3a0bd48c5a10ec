package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisOutcome;
import dev.sluice.documents.analysis.AnalysisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One analysis of one document in one batch: its output or its safe error, and what it cost. */
@Entity
@Table(name = "analysis_result")
public class AnalysisResult {

  @EmbeddedId private ResultKey key;

  @Column(name = "item_no", nullable = false)
  private int itemNo;

  @Column(name = "partition_no", nullable = false)
  private int partitionNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AnalysisStatus status;

  private String output;

  @Column(name = "model_answered", length = 200)
  private String modelAnswered;

  @Column(name = "input_tokens", nullable = false)
  private int inputTokens;

  @Column(name = "output_tokens", nullable = false)
  private int outputTokens;

  @Column(name = "cost_usd", nullable = false, precision = 18, scale = 10)
  private BigDecimal costUsd;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "time_ms", nullable = false)
  private long timeMs;

  @Column(name = "error_code", length = 64)
  private String errorCode;

  @Column(name = "error_message", length = 2000)
  private String errorMessage;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected AnalysisResult() {}

  AnalysisResult(ResultKey key, int itemNo, int partitionNo, Clock clock) {
    this.key = key;
    this.itemNo = itemNo;
    this.partitionNo = partitionNo;
    this.createdAt = AnalysisBatch.now(clock);
  }

  /** Records an outcome, replacing an earlier one of the same key (a re-run after a failure). */
  void record(AnalysisOutcome outcome, Clock clock) {
    status = outcome.status();
    output = outcome.output();
    modelAnswered = outcome.modelAnswered();
    inputTokens = outcome.inputTokens();
    outputTokens = outcome.outputTokens();
    costUsd = outcome.costUsd() == null ? BigDecimal.ZERO : outcome.costUsd();
    attempts = outcome.attempts();
    timeMs = outcome.timeMs();
    errorCode = outcome.errorCode();
    errorMessage = cut(outcome.errorMessage(), 2000);
    updatedAt = AnalysisBatch.now(clock);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public ResultKey key() {
    return key;
  }

  public int itemNo() {
    return itemNo;
  }

  public int partitionNo() {
    return partitionNo;
  }

  public AnalysisStatus status() {
    return status;
  }

  public String output() {
    return output;
  }

  public String modelAnswered() {
    return modelAnswered;
  }

  public int inputTokens() {
    return inputTokens;
  }

  public int outputTokens() {
    return outputTokens;
  }

  public BigDecimal costUsd() {
    return costUsd;
  }

  public int attempts() {
    return attempts;
  }

  public long timeMs() {
    return timeMs;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Instant updatedAt() {
    return updatedAt.toInstant(ZoneOffset.UTC);
  }
}
