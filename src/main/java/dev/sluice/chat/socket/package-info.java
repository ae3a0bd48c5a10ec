/**
 * The chat WebSocket ({@code /ws/chats/{chatId}}): relays a chat's answer events to every signed-in
 * tab watching it, with a bounded outbox per connection and a replay buffer so a client that lost
 * its connection re-attaches without a gap or a duplicate.
 */
package dev.sluice.chat.socket;
