package dev.sluice.documents.analysis;

import dev.sluice.llm.LlmException;
import dev.sluice.llm.http.SecretRedactor;
import dev.sluice.platform.concurrent.Causes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Turns whatever ended an analysis into a code and a message that are safe to store and show: the
 * error kind for provider failures (after the gate's retries and fallbacks), Sluice's own codes,
 * and {@code INTERNAL} with a generic message for anything unexpected, whose details go to the log.
 */
final class Failures {

  static final String INTERNAL = "INTERNAL";
  static final int MAX_MESSAGE_CHARS = 300;

  private static final Logger LOG = Logger.getLogger(Failures.class.getName());
  private static final SecretRedactor REDACTOR = SecretRedactor.of();

  /** A failed analysis's code and message. */
  record Ending(String code, String message) {}

  private Failures() {}

  static Ending of(Throwable error, String context) {
    Throwable cause = Causes.unwrap(error);
    if (cause instanceof AnalysisFailure failure) {
      return new Ending(failure.code(), safe(failure.getMessage()));
    }
    LlmException llm = llmCause(cause);
    if (llm != null) {
      return new Ending(llm.kind().name(), safe(llm.getMessage()));
    }
    if (cause instanceof TimeoutException) {
      return new Ending("TIMEOUT", "the transcription took too long");
    }
    if (cause instanceof CircuitBreakerOpenException) {
      return new Ending("CIRCUIT_OPEN", "transcription is paused after repeated failures");
    }
    LOG.log(Level.WARNING, context + " failed unexpectedly", cause);
    return new Ending(INTERNAL, "the analysis could not be completed");
  }

  /** One line, no key, not too long: provider messages are redacted already, this is a backstop. */
  static String safe(String message) {
    if (message == null || message.isBlank()) {
      return "no reason given";
    }
    String line = REDACTOR.redact(message.strip().lines().findFirst().orElse(""));
    return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  /** The provider error behind a failure, such as the one a transcription retry wrapped. */
  private static LlmException llmCause(Throwable error) {
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 5; depth++) {
      if (cause instanceof LlmException e) {
        return e;
      }
      cause = cause.getCause();
    }
    return null;
  }
}
