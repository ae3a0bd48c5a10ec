package dev.sluice.llm.http;

/**
 * One dispatched Server-Sent Event.
 *
 * @param event the event type ({@code message} when the stream named none)
 * @param data the data lines joined with {@code \n}
 * @param id the last event id seen on the stream, or an empty string
 */
public record SseEvent(String event, String data, String id) {}
