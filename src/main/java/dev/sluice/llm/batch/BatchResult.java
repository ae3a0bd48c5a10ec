package dev.sluice.llm.batch;

import dev.sluice.llm.ChatResult;
import java.util.Objects;

/**
 * What became of one request of a batch.
 *
 * @param customId the request's {@link BatchRequest#customId()}
 * @param outcome how it ended
 * @param result for {@link Outcome#SUCCEEDED}: the answer's text, usage, model and finish reason
 *     (no timings, rate limits or cost: the caller prices it at batch rates); null otherwise
 * @param error why it did not succeed, safe to show and log (secrets redacted); null when it did
 */
public record BatchResult(String customId, Outcome outcome, ChatResult result, String error) {

  /** How a request of a batch ended. */
  public enum Outcome {
    /** It was answered. */
    SUCCEEDED,
    /** The provider answered it with an error (status, overload, invalid request...). */
    ERRORED,
    /** The batch expired before the request ran. */
    EXPIRED,
    /** The batch was cancelled before the request ran. */
    CANCELLED
  }

  public BatchResult {
    Objects.requireNonNull(customId, "customId");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.SUCCEEDED) != (result != null)) {
      throw new IllegalArgumentException("a result goes with SUCCEEDED, and only with it");
    }
    if ((outcome == Outcome.SUCCEEDED) != (error == null)) {
      throw new IllegalArgumentException("an error goes with every outcome but SUCCEEDED");
    }
  }

  public static BatchResult succeeded(String customId, ChatResult result) {
    return new BatchResult(customId, Outcome.SUCCEEDED, result, null);
  }

  public static BatchResult failed(String customId, Outcome outcome, String error) {
    return new BatchResult(customId, outcome, null, error);
  }
}
