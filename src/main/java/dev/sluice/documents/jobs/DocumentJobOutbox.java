package dev.sluice.documents.jobs;

import dev.sluice.admission.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A document job waiting to be put on the queue: written with its run in the upload's transaction,
 * marked dispatched once sent.
 */
@Entity
@Table(name = "document_job_outbox")
public class DocumentJobOutbox {

  @Id
  @Column(name = "run_id", length = 36)
  private String runId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Priority priority;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "dispatched_at")
  private LocalDateTime dispatchedAt;

  protected DocumentJobOutbox() {}

  static DocumentJobOutbox of(String runId, Priority priority, Clock clock) {
    DocumentJobOutbox entry = new DocumentJobOutbox();
    entry.runId = runId;
    entry.priority = priority;
    entry.createdAt = now(clock);
    return entry;
  }

  void dispatched(Clock clock) {
    dispatchedAt = now(clock);
  }

  static LocalDateTime now(Clock clock) {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  public String runId() {
    return runId;
  }

  public Priority priority() {
    return priority;
  }
}
