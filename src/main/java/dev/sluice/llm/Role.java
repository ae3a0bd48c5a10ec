package dev.sluice.llm;

/** Who speaks a message in a conversation. */
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT
}
