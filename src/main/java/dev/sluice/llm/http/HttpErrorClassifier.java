package dev.sluice.llm.http;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.platform.concurrent.Causes;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;

/**
 * The one place that turns what went wrong on the wire into an {@link LlmException}: an HTTP error
 * status with its headers and body, a transport failure, or an error event in the middle of a
 * stream. Every message is redacted of secrets and bounded in length.
 */
public final class HttpErrorClassifier {

  /** Error bodies longer than this are cut when read. */
  public static final int MAX_ERROR_BODY = 64 * 1024;

  private static final int MAX_MESSAGE = 500;

  private final String provider;
  private final String model;
  private final Clock clock;
  private final SecretRedactor redactor;

  public HttpErrorClassifier(String provider, String model, Clock clock, SecretRedactor redactor) {
    this.provider = provider;
    this.model = model;
    this.clock = clock;
    this.redactor = redactor;
  }

  /** Classifies a non-2xx response. */
  public LlmException fromResponse(int status, HttpHeaders headers, byte[] body) {
    ErrorBody error = ErrorBody.parse(body);
    LlmErrorKind kind = kindOf(status, error);
    String said = error.message() != null ? error.message() : HttpStatusText.of(status);
    return builder(kind, "HTTP " + status + ": " + said)
        .httpStatus(status)
        .providerRequestId(requestId(headers))
        .notBefore(kind.retryable() ? RetryAfter.of(headers, clock) : null)
        .build();
  }

  /**
   * Classifies a transport failure.
   *
   * @param responseStarted whether response headers had arrived (then the body broke off)
   */
  public LlmException fromTransport(Throwable failure, boolean responseStarted) {
    Throwable cause = Causes.unwrap(failure);
    if (cause instanceof LlmException known) {
      return known;
    }
    String detail = cause.getClass().getSimpleName() + describe(cause);
    if (responseStarted) {
      return builder(LlmErrorKind.SERVER_ERROR, "stream ended early: " + detail)
          .cause(cause)
          .build();
    }
    LlmErrorKind kind;
    if (cause instanceof HttpConnectTimeoutException) {
      kind = LlmErrorKind.CONNECT_TIMEOUT;
    } else if (cause instanceof HttpTimeoutException) {
      kind = LlmErrorKind.FIRST_TOKEN_TIMEOUT;
    } else if (cause instanceof ConnectException || cause instanceof IOException) {
      kind = LlmErrorKind.CONNECTION_FAILED;
    } else {
      kind = LlmErrorKind.SERVER_ERROR;
    }
    return builder(kind, "request failed: " + detail).cause(cause).build();
  }

  /** Classifies an error event inside a stream (Anthropic {@code event: error}, OpenAI chunk). */
  public LlmException fromStreamEvent(JsonObject event) {
    ErrorBody error = ErrorBody.of(event);
    String said = error.message() != null ? error.message() : String.valueOf(error.type());
    return builder(streamKindOf(error), "error event: " + said).build();
  }

  /** The body ended without the protocol's end marker. */
  public LlmException streamEndedEarly() {
    return builder(LlmErrorKind.SERVER_ERROR, "stream ended early").build();
  }

  /** An event that could not be understood. */
  public LlmException malformedEvent(Throwable problem) {
    return builder(LlmErrorKind.SERVER_ERROR, "malformed event: " + describe(problem).strip())
        .cause(problem)
        .build();
  }

  /** A failure of the given kind with the call's provider and model filled in. */
  public LlmException.Builder builder(LlmErrorKind kind, String message) {
    return LlmException.builder(kind, bound(redactor.redact(message)))
        .provider(provider)
        .model(model);
  }

  static LlmErrorKind kindOf(int status, ErrorBody error) {
    return switch (status) {
      case 400, 404, 413, 422 ->
          error.isContextLength()
              ? LlmErrorKind.CONTEXT_LENGTH_EXCEEDED
              : LlmErrorKind.INVALID_REQUEST;
      case 401, 403 -> LlmErrorKind.AUTHENTICATION;
      case 429 ->
          error.isQuotaExhausted() ? LlmErrorKind.AUTHENTICATION : LlmErrorKind.RATE_LIMITED;
      case 503, 529 -> LlmErrorKind.OVERLOADED;
      case 408, 409 -> LlmErrorKind.SERVER_ERROR;
      default ->
          status >= 500
              ? LlmErrorKind.SERVER_ERROR
              : error.isContextLength()
                  ? LlmErrorKind.CONTEXT_LENGTH_EXCEEDED
                  : LlmErrorKind.INVALID_REQUEST;
    };
  }

  static LlmErrorKind streamKindOf(ErrorBody error) {
    if (error.isContextLength()) {
      return LlmErrorKind.CONTEXT_LENGTH_EXCEEDED;
    }
    if (error.isQuotaExhausted()
        || error.is("authentication_error")
        || error.is("permission_error")
        || error.is("billing_error")) {
      return LlmErrorKind.AUTHENTICATION;
    }
    if (error.is("overloaded_error")) {
      return LlmErrorKind.OVERLOADED;
    }
    if (error.is("rate_limit_error") || error.is("rate_limit_exceeded")) {
      return LlmErrorKind.RATE_LIMITED;
    }
    if (error.is("invalid_request_error")
        || error.is("not_found_error")
        || error.is("request_too_large")) {
      return LlmErrorKind.INVALID_REQUEST;
    }
    return LlmErrorKind.SERVER_ERROR;
  }

  /** The provider's id for the request, from {@code x-request-id} or {@code request-id}. */
  public static String requestId(HttpHeaders headers) {
    return headers
        .firstValue("x-request-id")
        .or(() -> headers.firstValue("request-id"))
        .orElse(null);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? "" : " " + t.getMessage();
  }

  private static String bound(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }
}
