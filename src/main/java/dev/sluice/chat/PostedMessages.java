package dev.sluice.chat;

/** The two messages a question creates: the user's, and the assistant's answer (queued). */
public record PostedMessages(ChatMessage question, ChatMessage answer) {}
