package dev.sluice.chat;

/**
 * What becomes of an orphaned answer: one left streaming by a node that has ended (crashed,
 * stopped, or taken for dead), which nothing will write again. An answer is claimed when its
 * provider call is about to start and saves its first chunk at once, so one with no saved text had
 * shown nothing: it is asked again. One with saved text ends interrupted, keeping that text.
 */
final class LeftStreaming {

  static final String CODE = "SERVER_STOPPED";
  static final String REASON = "the server stopped while this answer was streaming";

  /** The three fates of an answer found at start. */
  enum Fate {
    /** Not left over: not streaming. */
    NONE,
    /** Left over with nothing saved: back to queued, and asked again. */
    ASK_AGAIN,
    /** Left over with saved text: ends interrupted, keeping it. */
    INTERRUPTED
  }

  private LeftStreaming() {}

  /** The orphaned answer's fate, given its status and its saved text. */
  static Fate of(MessageStatus status, String savedText) {
    if (status != MessageStatus.STREAMING) {
      return Fate.NONE;
    }
    return savedText == null || savedText.isEmpty() ? Fate.ASK_AGAIN : Fate.INTERRUPTED;
  }

  /** How an interrupted left-over answer ends. */
  static AnswerWriter.Ending interrupted(String savedText) {
    return new AnswerWriter.Ending(MessageStatus.INTERRUPTED, savedText, CODE, REASON);
  }
}
