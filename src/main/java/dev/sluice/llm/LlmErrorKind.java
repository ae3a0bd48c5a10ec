package dev.sluice.llm;

/**
 * Every way a provider call can fail, the same for every adapter. {@link #retryable()} says whether
 * trying again (after the error's not-before instant, if any) may succeed; it applies only before
 * the first token, since after that a failure is a {@link #STREAM_INTERRUPTED}.
 */
public enum LlmErrorKind {
  /** HTTP 429: too many requests or tokens; carries a not-before instant. */
  RATE_LIMITED(true),
  /** HTTP 503 or 529: the provider is overloaded. */
  OVERLOADED(true),
  /** HTTP 5xx, or a response that could not be parsed. */
  SERVER_ERROR(true),
  /** No TCP/TLS connection within the connect timeout. */
  CONNECT_TIMEOUT(true),
  /** Connection refused, reset or closed before any answer. */
  CONNECTION_FAILED(true),
  /** The response started but no first token arrived within the first-token timeout. */
  FIRST_TOKEN_TIMEOUT(true),
  /** Nothing arrived between two chunks within the idle timeout. */
  IDLE_TIMEOUT(true),
  /** HTTP 401 or 403: the key is missing, wrong or lacks permission. */
  AUTHENTICATION(false),
  /** HTTP 400, 404, 413, 422: the request itself is wrong (unknown model, bad parameter). */
  INVALID_REQUEST(false),
  /** The prompt does not fit the model's context window. */
  CONTEXT_LENGTH_EXCEEDED(false),
  /** The stream failed after some text was delivered; the partial content is kept. */
  STREAM_INTERRUPTED(false),
  /** The caller cancelled the call. */
  CANCELLED(false),
  /** No configured provider serves the model, or the provider has no key. */
  PROVIDER_UNAVAILABLE(false);

  private final boolean retryable;

  LlmErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
