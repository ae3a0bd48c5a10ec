package dev.sluice.documents.batch.admin;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;

/** A console query ran past the statement timeout: 503, try again in a few seconds. */
public class QueryTooSlowException extends ProblemException {

  private static final long serialVersionUID = 1L;

  /** Seconds a client should wait before asking again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public QueryTooSlowException(int timeoutMillis) {
    super(
        Problem.of(
            503,
            "Service Unavailable",
            "the query ran longer than the console allows ("
                + timeoutMillis
                + " ms); narrow the filters or try again later"));
  }
}
