/**
 * CDI events of a streaming answer: each chunk, the completion, a failure, the token usage. The
 * WebSocket relays them to subscribers, and users attach their own observers (the seeds' {@code
 * on_chunk}, {@code on_complete}, {@code on_error}, {@code on_token_usage}).
 */
package dev.sluice.chat.events;
