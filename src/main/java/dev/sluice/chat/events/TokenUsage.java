package dev.sluice.chat.events;

/** The tokens an answer used, as the provider reported them. */
public record TokenUsage(
    String chatId,
    String messageId,
    String model,
    long inputTokens,
    long outputTokens,
    long cachedTokens) {}
