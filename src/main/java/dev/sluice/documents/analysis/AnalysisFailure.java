package dev.sluice.documents.analysis;

/**
 * An analysis that cannot succeed for a reason Sluice itself found (invalid output after a repair,
 * a model without vision, a missing instruction): a code and a message that are safe to show.
 */
final class AnalysisFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  AnalysisFailure(String code, String message) {
    // An expected outcome, not a bug: no stack trace to fill in.
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
