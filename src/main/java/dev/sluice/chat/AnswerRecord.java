package dev.sluice.chat;

import java.math.BigDecimal;

/** What a completed answer stores: its text and how it was produced. */
public record AnswerRecord(
    String content,
    String model,
    Integer inputTokens,
    Integer outputTokens,
    Integer cachedTokens,
    BigDecimal costUsd,
    Long timeToFirstTokenMs,
    Long totalTimeMs,
    String attempts) {}
