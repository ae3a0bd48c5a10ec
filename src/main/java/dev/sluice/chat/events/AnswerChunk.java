package dev.sluice.chat.events;

/**
 * A piece of an assistant answer as it streams.
 *
 * @param chatId the chat
 * @param messageId the assistant message being written
 * @param sequence 1 for the first chunk of the message, then 2, 3, ... without gaps
 * @param delta the new text
 */
public record AnswerChunk(String chatId, String messageId, long sequence, String delta) {}
