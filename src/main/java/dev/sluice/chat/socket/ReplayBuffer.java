package dev.sluice.chat.socket;

import dev.sluice.chat.events.AnswerChunk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every chunk of one answer while it streams, and its final frame for a while after, so a client
 * that re-attaches gets exactly what it missed. The hub locks it while appending and replaying,
 * which orders a resume against the live stream. Past its bound it stops keeping chunks: a resume
 * then waits for the final frame, which carries the whole text.
 */
final class ReplayBuffer {

  private final String messageId;
  private final int maxChunks;
  private final List<AnswerChunk> chunks = new ArrayList<>();
  private long lastSeq;
  private boolean truncated;
  private String finalFrame;
  private Instant endedAt;
  private Instant touchedAt;

  ReplayBuffer(String messageId, int maxChunks, Instant createdAt) {
    this.touchedAt = createdAt;
    this.messageId = messageId;
    this.maxChunks = maxChunks;
  }

  String messageId() {
    return messageId;
  }

  /** Keeps the chunk; false when it is a repeat or out of order, which subscribers must not see. */
  boolean append(AnswerChunk chunk, Instant at) {
    touchedAt = at;
    if (chunk.sequence() <= lastSeq || finalFrame != null) {
      return false;
    }
    if (chunk.sequence() > lastSeq + 1) {
      // Chunks before it never arrived (another server's stream joined late, or a relay message
      // lost): a replay from here would have a hole, so none is offered.
      truncated = true;
      chunks.clear();
    }
    lastSeq = chunk.sequence();
    if (chunks.size() >= maxChunks) {
      truncated = true;
      chunks.clear();
    }
    if (!truncated) {
      chunks.add(chunk);
    }
    return true;
  }

  void end(String frame, Instant at) {
    finalFrame = frame;
    endedAt = at;
  }

  /** The chunks after {@code seq}, in order; empty when they are no longer kept. */
  Optional<List<AnswerChunk>> after(long seq) {
    if (truncated) {
      return Optional.empty();
    }
    int first = 0;
    while (first < chunks.size() && chunks.get(first).sequence() <= seq) {
      first++;
    }
    return Optional.of(List.copyOf(chunks.subList(first, chunks.size())));
  }

  long lastSeq() {
    return lastSeq;
  }

  boolean streaming() {
    return finalFrame == null;
  }

  /** The completed, failed, interrupted or cancelled frame; null while streaming. */
  String finalFrame() {
    return finalFrame;
  }

  /**
   * Whether to forget it: {@code retention} after it ended, or after ten times that without a chunk
   * (its producer died without an end event).
   */
  boolean expired(Instant now, Duration retention) {
    if (endedAt != null) {
      return !endedAt.plus(retention).isAfter(now);
    }
    return !touchedAt.plus(retention.multipliedBy(10)).isAfter(now);
  }
}
