package dev.sluice.platform.problem;

import java.util.List;

/**
 * Thrown by application code for an error the caller can fix or must know about; rendered as a
 * {@link Problem} by {@link ProblemExceptionMapper}.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final Integer retryAfterSeconds;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

  private ProblemException(Problem problem, Integer retryAfterSeconds) {
    super(problem.detail());
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Problem problem() {
    return problem;
  }

  /** Seconds after which the caller may try again ({@code Retry-After}), or null. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A 503: the server cannot answer now (a query ran too long), worth trying again later. */
  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    return new ProblemException(Problem.of(503, "Service Unavailable", detail), retryAfterSeconds);
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(Problem.of(404, "Not Found", what + " " + id + " does not exist"));
  }

  /** A 400 (or 422) naming the field that was wrong. */
  public static ProblemException invalidField(int status, String field, String message) {
    return new ProblemException(
        Problem.of(
                status,
                status == 422 ? "Unprocessable Content" : "Bad Request",
                field + ": " + message)
            .withErrors(List.of(new Problem.FieldError(field, message))));
  }

  /** A 400 naming every field that was wrong, so a form can show all its errors at once. */
  public static ProblemException invalidFields(List<Problem.FieldError> errors) {
    StringBuilder detail = new StringBuilder();
    for (Problem.FieldError error : errors) {
      detail
          .append(detail.isEmpty() ? "" : "; ")
          .append(error.field())
          .append(": ")
          .append(error.message());
    }
    return new ProblemException(
        Problem.of(400, "Bad Request", detail.toString()).withErrors(List.copyOf(errors)));
  }
}
