package dev.sluice.bench;

/**
 * One answer's chunks as they arrived: which sequence numbers came, how often, and the text they
 * add up to, checked against the final frame. Not thread-safe: its probe serialises access.
 */
final class ChunkLedger {

  private final StringBuilder text = new StringBuilder();
  private long lastSeq;
  private long received;
  private long duplicates;
  private long expected = -1;
  private Boolean textMatches;

  /**
   * Books a chunk covering {@code fromSeq} to {@code seq} (one number unless replayed as a run);
   * false when it brings nothing new.
   */
  boolean add(long fromSeq, long seq, String delta) {
    if (seq <= lastSeq) {
      duplicates++;
      return false;
    }
    text.append(delta);
    received += seq - Math.max(fromSeq, lastSeq + 1) + 1;
    lastSeq = seq;
    return true;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** The final frame numbered {@code lastSeq} chunks; a completed one also carries the text. */
  void end(long finalLastSeq, String completedContent) {
    expected = finalLastSeq;
    if (completedContent != null) {
      textMatches = text.toString().equals(completedContent);
    }
  }

  /** Chunks the final frame numbered that never arrived. */
  long lost() {
    return expected < 0 ? 0 : Math.max(0, expected - received);
  }

  long received() {
    return received;
  }

  long duplicates() {
    return duplicates;
  }

  /** Whether a completed answer's chunks add up to its text; true until it completed. */
  boolean textMatches() {
    return textMatches == null || textMatches;
  }
}
