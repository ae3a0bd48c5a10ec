package dev.sluice.chat.events;

/**
 * A user asked to stop an answer. The server that took the request stops it if it runs there; in a
 * cluster the request also reaches the other servers, one of which runs it or will.
 *
 * @param messageId the assistant message
 * @param claimed whether the answer had left the queue (it streams, or is about to) when asked
 */
public record CancelRequested(String messageId, boolean claimed) {}
