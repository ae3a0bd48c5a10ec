package dev.sluice.llm;

import java.util.concurrent.CompletionStage;

/** A handle on one streaming call: its eventual result, and a way to stop it. */
public interface ChatStream {

  /**
   * Completes with the full answer, or exceptionally with an {@link LlmException} (kind {@link
   * LlmErrorKind#CANCELLED} after {@link #cancel()}).
   */
  CompletionStage<ChatResult> result();

  /**
   * Stops the call at whatever point it is: the upstream HTTP request is closed so the provider
   * stops generating (and billing). Does nothing once the call has ended.
   */
  void cancel();
}
