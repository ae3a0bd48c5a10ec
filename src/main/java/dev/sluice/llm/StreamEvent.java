package dev.sluice.llm;

/**
 * What a listener hears while an answer streams, in order: rate-limit headers (once the response
 * starts), text deltas, usage (possibly in several pieces), a finish reason, and at most one
 * failure. The final {@link ChatResult} arrives through {@link ChatStream#result()}.
 */
public sealed interface StreamEvent {

  /** A piece of the answer's text, as it arrived. */
  record TextDelta(String text) implements StreamEvent {}

  /** Token usage as the provider reported it so far. */
  record UsageReported(Usage usage) implements StreamEvent {}

  /** The provider said why it stopped. */
  record Finished(FinishReason reason) implements StreamEvent {}

  /** The provider's rate-limit headers, captured from the response. */
  record RateLimitsObserved(RateLimitSnapshot snapshot) implements StreamEvent {}

  /** The call failed; no further events follow. */
  record Failed(LlmException error) implements StreamEvent {}
}
