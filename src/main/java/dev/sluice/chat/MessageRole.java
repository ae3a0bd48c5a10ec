package dev.sluice.chat;

/** Who wrote a message of a chat. */
public enum MessageRole {
  SYSTEM,
  USER,
  ASSISTANT
}
