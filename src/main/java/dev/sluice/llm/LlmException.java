package dev.sluice.llm;

import java.time.Instant;
import java.util.Objects;

/**
 * A failed provider call, classified. The message is safe to show a user and to log: adapters build
 * it from status codes and the provider's error text with secrets redacted, never from the
 * request's headers.
 */
public class LlmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LlmErrorKind kind;
  private final String provider;
  private final String model;
  private final int httpStatus;
  private final String providerRequestId;
  private final Instant notBefore;
  private final String partialContent;
  private final LlmErrorKind interruptedBy;

  private LlmException(Builder b) {
    super(b.message, b.cause);
    this.kind = b.kind;
    this.provider = b.provider;
    this.model = b.model;
    this.httpStatus = b.httpStatus;
    this.providerRequestId = b.providerRequestId;
    this.notBefore = b.notBefore;
    this.partialContent = b.partialContent;
    this.interruptedBy = b.interruptedBy;
  }

  public static Builder builder(LlmErrorKind kind, String message) {
    return new Builder(kind, message);
  }

  /**
   * The same failure seen after text was delivered: a stream interrupted, keeping the partial
   * content and the kind of failure that interrupted it.
   */
  public LlmException interrupted(String partial) {
    return builder(LlmErrorKind.STREAM_INTERRUPTED, "stream interrupted: " + getMessage())
        .provider(provider)
        .model(model)
        .httpStatus(httpStatus)
        .providerRequestId(providerRequestId)
        .partialContent(partial)
        .interruptedBy(kind == LlmErrorKind.STREAM_INTERRUPTED ? interruptedBy : kind)
        .cause(this)
        .build();
  }

  public LlmErrorKind kind() {
    return kind;
  }

  /** Whether trying again may succeed; never true once text was delivered. */
  public boolean retryable() {
    return kind.retryable();
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** The HTTP status the provider answered, or 0 if there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  public String providerRequestId() {
    return providerRequestId;
  }

  /** The earliest instant a retry may be sent (from Retry-After and reset headers), or null. */
  public Instant notBefore() {
    return notBefore;
  }

  /** For {@link LlmErrorKind#STREAM_INTERRUPTED}: the text delivered before the failure. */
  public String partialContent() {
    return partialContent;
  }

  /** For {@link LlmErrorKind#STREAM_INTERRUPTED}: what interrupted the stream. */
  public LlmErrorKind interruptedBy() {
    return interruptedBy;
  }

  @Override
  public String toString() {
    return "LlmException["
        + kind
        + ", provider="
        + provider
        + ", model="
        + model
        + ", status="
        + httpStatus
        + ", requestId="
        + providerRequestId
        + "]: "
        + getMessage();
  }

  /** Builds an {@link LlmException}; every field but kind and message is optional. */
  public static final class Builder {
    private final LlmErrorKind kind;
    private final String message;
    private String provider;
    private String model;
    private int httpStatus;
    private String providerRequestId;
    private Instant notBefore;
    private String partialContent;
    private LlmErrorKind interruptedBy;
    private Throwable cause;

    private Builder(LlmErrorKind kind, String message) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.message = Objects.requireNonNull(message, "message");
    }

    public Builder provider(String value) {
      provider = value;
      return this;
    }

    public Builder model(String value) {
      model = value;
      return this;
    }

    public Builder httpStatus(int value) {
      httpStatus = value;
      return this;
    }

    public Builder providerRequestId(String value) {
      providerRequestId = value;
      return this;
    }

    public Builder notBefore(Instant value) {
      notBefore = value;
      return this;
    }

    public Builder partialContent(String value) {
      partialContent = value;
      return this;
    }

    public Builder interruptedBy(LlmErrorKind value) {
      interruptedBy = value;
      return this;
    }

    public Builder cause(Throwable value) {
      cause = value;
      return this;
    }

    public LlmException build() {
      return new LlmException(this);
    }
  }
}
