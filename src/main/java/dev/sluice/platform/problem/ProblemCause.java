package dev.sluice.platform.problem;

import java.util.Optional;

/**
 * Finds a {@link ProblemException} that a library wrapped on its way out: a size limit enforced by
 * the stream a JSON or multipart reader reads from surfaces as that reader's own exception, yet the
 * caller must still get the 413 that was meant, not a 400 or a 500.
 */
final class ProblemCause {

  private ProblemCause() {}

  static Optional<ProblemException> in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException problem) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }
}
