package dev.sluice.chat;

import dev.sluice.admission.Priority;
import dev.sluice.platform.database.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * A chat job waiting to be put on the queue: written with its assistant message in one transaction,
 * marked dispatched once sent.
 */
@Entity
@Table(name = "chat_job_outbox")
public class OutboxEntry {

  @Id
  @Column(name = "message_id", length = 36)
  private String messageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "dispatched_at")
  private LocalDateTime dispatchedAt;

  protected OutboxEntry() {}

  public static OutboxEntry of(ChatMessage answer, Clock clock) {
    OutboxEntry entry = new OutboxEntry();
    entry.messageId = answer.id();
    entry.priority = answer.priority();
    entry.createdAt = Timestamps.now(clock);
    return entry;
  }

  public void dispatched(Clock clock) {
    dispatchedAt = Timestamps.now(clock);
  }

  public String messageId() {
    return messageId;
  }

  public Priority priority() {
    return priority;
  }

  public boolean isDispatched() {
    return dispatchedAt != null;
  }
}
