package dev.sluice.chat;

import java.time.Instant;

/**
 * What becomes of an answer found streaming when the application starts. Only one claimed by an
 * earlier run is left over: nothing will write it again. An answer is claimed when its provider
 * call is about to start and saves its first chunk at once, so one with no saved text had shown
 * nothing: it is asked again. One with saved text ends interrupted, keeping that text.
 */
final class LeftStreaming {

  static final String CODE = "SERVER_STOPPED";
  static final String REASON = "the server stopped while this answer was streaming";

  /** The three fates of an answer found at start. */
  enum Fate {
    /** Not left over: not streaming, or claimed in this run. */
    NONE,
    /** Left over with nothing saved: back to queued, and asked again. */
    ASK_AGAIN,
    /** Left over with saved text: ends interrupted, keeping it. */
    INTERRUPTED
  }

  private LeftStreaming() {}

  /**
   * The answer's fate, given its status, its last write and its saved text; {@code runStarted} is
   * the instant before which no claim or save of this run can be stamped.
   */
  static Fate of(MessageStatus status, Instant updatedAt, String savedText, Instant runStarted) {
    if (status != MessageStatus.STREAMING || !updatedAt.isBefore(runStarted)) {
      return Fate.NONE;
    }
    return savedText == null || savedText.isEmpty() ? Fate.ASK_AGAIN : Fate.INTERRUPTED;
  }

  /** How an interrupted left-over answer ends. */
  static AnswerWriter.Ending interrupted(String savedText) {
    return new AnswerWriter.Ending(MessageStatus.INTERRUPTED, savedText, CODE, REASON);
  }
}
