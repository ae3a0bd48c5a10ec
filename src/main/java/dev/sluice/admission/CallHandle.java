package dev.sluice.admission;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * The caller's side of a gated call: the result, completed once; events passed on until the call
 * ends; the log of its tries. {@link GatedCall} drives it.
 */
abstract class CallHandle implements GatedStream {

  private final StreamListener listener;
  private final LongSupplier nanoTime;
  private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
  private final AttemptLog log = new AttemptLog();
  private volatile boolean finished;

  CallHandle(StreamListener listener, LongSupplier nanoTime) {
    this.listener = listener;
    this.nanoTime = nanoTime;
  }

  final boolean isFinished() {
    return finished;
  }

  /** Marks the call ended; true for the one caller that got to end it. */
  final synchronized boolean markFinished() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }

  /** Ends the call with an answer or a failure, unless it has ended already. */
  final void end(ChatResult answer, LlmException failure) {
    if (markFinished()) {
      publish(answer, failure);
    }
  }

  /** Hands the outcome to the caller; call once, after winning {@link #markFinished()}. */
  final void publish(ChatResult answer, LlmException failure) {
    if (failure != null) {
      listener.on(new StreamEvent.Failed(failure));
      result.completeExceptionally(failure);
    } else {
      result.complete(answer);
    }
  }

  /** Passes a try's event on, unless the call has ended (a cancelled stream's stragglers). */
  final void hear(StreamEvent event) {
    if (!finished) {
      listener.on(event);
    }
  }

  final void record(AttemptRun run, Attempt.Outcome outcome, LlmErrorKind kind) {
    log.add(run.record(outcome, kind, nanoTime.getAsLong()));
  }

  @Override
  public final List<Attempt> attempts() {
    return log.snapshot();
  }

  @Override
  public final CompletionStage<ChatResult> result() {
    return result;
  }
}
