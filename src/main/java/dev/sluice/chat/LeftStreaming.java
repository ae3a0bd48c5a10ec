package dev.sluice.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * What becomes of an answer found streaming when the application starts. Only one streamed by an
 * earlier run is left over (nothing will write it again); it ends interrupted, keeping the text
 * saved before the stop.
 */
final class LeftStreaming {

  static final String CODE = "SERVER_STOPPED";
  static final String REASON = "the server stopped while this answer was streaming";

  private LeftStreaming() {}

  /**
   * How the answer ends, or empty if it is not left over: not streaming, or written to since {@code
   * runStarted}, the instant before which no claim of this run can be stamped.
   */
  static Optional<AnswerWriter.Ending> ending(
      MessageStatus status, Instant updatedAt, String savedText, Instant runStarted) {
    if (status != MessageStatus.STREAMING || !updatedAt.isBefore(runStarted)) {
      return Optional.empty();
    }
    return Optional.of(
        new AnswerWriter.Ending(
            MessageStatus.INTERRUPTED, savedText == null ? "" : savedText, CODE, REASON));
  }
}
