package dev.sluice.chat;

/**
 * Where a message is in its life. A user's message is {@link #COMPLETED} when stored; an
 * assistant's answer goes from {@link #QUEUED} through {@link #STREAMING} to one of the final
 * states. {@link #INTERRUPTED} keeps the partial text of a stream that broke after its first token,
 * or that the server stopped in the middle of.
 */
public enum MessageStatus {
  QUEUED,
  STREAMING,
  COMPLETED,
  FAILED,
  CANCELLED,
  INTERRUPTED;

  public boolean isFinal() {
    return this != QUEUED && this != STREAMING;
  }
}
