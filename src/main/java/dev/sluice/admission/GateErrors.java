package dev.sluice.admission;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;

/** The errors and results the gate makes itself, rather than passing on the provider's. */
final class GateErrors {

  private GateErrors() {}

  /** Kind PROVIDER_UNAVAILABLE: this model cannot be tried now, the fallback may be. */
  static LlmException unavailable(
      String provider, String model, String message, Instant notBefore, Throwable cause) {
    return LlmException.builder(LlmErrorKind.PROVIDER_UNAVAILABLE, message)
        .provider(provider)
        .model(model)
        .notBefore(notBefore)
        .cause(cause)
        .build();
  }

  /**
   * The lane would not admit the call: kind PROVIDER_UNAVAILABLE with the lane's refusal as cause;
   * for a full queue, not-before is when coming back has a fair chance.
   */
  static LlmException refused(Throwable cause, String provider, String model, Instant now) {
    if (cause instanceof AdmissionRejectedException rejected) {
      Duration retryAfter = rejected.retryAfter() == null ? Duration.ZERO : rejected.retryAfter();
      String message = "lane '" + rejected.lane() + "' is full: " + rejected.getMessage();
      return unavailable(provider, model, message, now.plus(retryAfter), rejected);
    }
    return unavailable(provider, model, "admission failed: " + cause, null, cause);
  }

  /** The caller's {@link SendCheck} dropped the call before anything was sent. */
  static LlmException dropped(String model) {
    return LlmException.builder(LlmErrorKind.CANCELLED, "dropped before sending: the work is gone")
        .model(model)
        .build();
  }

  static LlmException cancelled(String model) {
    return LlmException.builder(LlmErrorKind.CANCELLED, "cancelled by the caller")
        .model(model)
        .build();
  }

  /** The upstream's error; anything that is not an {@link LlmException} is a provider fault. */
  static LlmException classify(Throwable error, String provider, String model) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof LlmException e) {
      return e;
    }
    return unavailable(provider, model, "provider layer failed: " + cause, null, cause);
  }

  /** The result as the caller sees it: requested model is what the caller asked for. */
  static ChatResult asRequested(ChatResult r, String requestedModel) {
    return new ChatResult(
        r.content(),
        r.usage(),
        r.finishReason(),
        requestedModel,
        r.answeredModel(),
        r.provider(),
        r.providerRequestId(),
        r.timeToFirstToken(),
        r.totalTime(),
        r.costUsd(),
        r.rateLimits());
  }
}
