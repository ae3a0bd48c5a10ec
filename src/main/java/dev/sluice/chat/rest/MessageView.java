package dev.sluice.chat.rest;

import dev.sluice.chat.ChatMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A message as the API shows it; the answer's usage fields are null until it completes, and {@code
 * replaces} is the seq of the message a regenerated answer or an edited question replaces.
 */
public record MessageView(
    String id,
    String chatId,
    int seq,
    String role,
    String content,
    String status,
    String priority,
    String modelRequested,
    String modelAnswered,
    Integer inputTokens,
    Integer outputTokens,
    Integer cachedTokens,
    BigDecimal costUsd,
    Long timeToFirstTokenMs,
    Long totalTimeMs,
    String errorCode,
    String errorMessage,
    Instant createdAt,
    Instant updatedAt,
    Integer replaces) {

  static MessageView of(ChatMessage m) {
    return new MessageView(
        m.id(),
        m.chatId(),
        m.seq(),
        lower(m.role()),
        m.content(),
        lower(m.status()),
        lower(m.priority()),
        m.modelRequested(),
        m.modelAnswered(),
        m.inputTokens(),
        m.outputTokens(),
        m.cachedTokens(),
        m.costUsd(),
        m.timeToFirstTokenMs(),
        m.totalTimeMs(),
        m.errorCode(),
        m.errorMessage(),
        m.createdAt(),
        m.updatedAt(),
        m.replacesSeq());
  }

  private static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}
