package dev.sluice.llm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The outcome of a completed call.
 *
 * @param content the full answer text
 * @param usage tokens used
 * @param finishReason why generation stopped
 * @param requestedModel the model Sluice asked for
 * @param answeredModel the model the provider says answered (may be a dated variant)
 * @param provider the configured provider name
 * @param providerRequestId the provider's id for the request, for support tickets; may be null
 * @param timeToFirstToken from sending the request to the first text delta
 * @param totalTime from sending the request to the end of the stream
 * @param costUsd cost in US dollars from the model catalog's prices
 * @param rateLimits the provider's rate-limit headers on this response, or {@link
 *     RateLimitSnapshot#NONE}
 */
public record ChatResult(
    String content,
    Usage usage,
    FinishReason finishReason,
    String requestedModel,
    String answeredModel,
    String provider,
    String providerRequestId,
    Duration timeToFirstToken,
    Duration totalTime,
    BigDecimal costUsd,
    RateLimitSnapshot rateLimits) {

  /**
   * A whole answer read from a response that was not streamed (a batch result): no timings, no cost
   * (the caller prices it) and no rate limits. Such a response does not repeat the request, so the
   * model that answered stands for the model asked for too.
   */
  public static ChatResult unstreamed(
      String content,
      Usage usage,
      FinishReason finishReason,
      String model,
      String provider,
      String providerRequestId) {
    return new ChatResult(
        content,
        usage,
        finishReason,
        model,
        model,
        provider,
        providerRequestId,
        null,
        Duration.ZERO,
        null,
        RateLimitSnapshot.NONE);
  }

  public ChatResult withCost(BigDecimal value) {
    return new ChatResult(
        content,
        usage,
        finishReason,
        requestedModel,
        answeredModel,
        provider,
        providerRequestId,
        timeToFirstToken,
        totalTime,
        value,
        rateLimits);
  }
}
