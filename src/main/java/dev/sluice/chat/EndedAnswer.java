package dev.sluice.chat;

/** An answer that has ended, with its chat's owner and the question it answers. */
record EndedAnswer(ChatMessage answer, String owner, String question) {}
