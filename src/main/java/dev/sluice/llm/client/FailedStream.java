package dev.sluice.llm.client;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A call that failed before it could start (unknown model, provider without a key). */
record FailedStream(CompletableFuture<ChatResult> failure) implements ChatStream {

  static FailedStream of(LlmException error) {
    return new FailedStream(CompletableFuture.failedFuture(error));
  }

  @Override
  public CompletionStage<ChatResult> result() {
    return failure;
  }

  @Override
  public void cancel() {
    // Nothing is running.
  }
}
