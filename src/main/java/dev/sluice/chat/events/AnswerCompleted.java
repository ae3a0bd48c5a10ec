package dev.sluice.chat.events;

import java.math.BigDecimal;

/**
 * An answer finished.
 *
 * @param lastSequence the sequence number of the last chunk (0 if there was none)
 */
public record AnswerCompleted(
    String chatId,
    String messageId,
    long lastSequence,
    String content,
    String model,
    long inputTokens,
    long outputTokens,
    long cachedTokens,
    BigDecimal costUsd,
    Long timeToFirstTokenMs,
    long totalTimeMs) {}
