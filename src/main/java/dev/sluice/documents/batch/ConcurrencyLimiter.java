package dev.sluice.documents.batch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * At most {@code max} asynchronous tasks in flight; later ones wait their turn in order. No thread
 * waits for a permit: a finishing task starts the next. Starting is a loop, not recursion, so tasks
 * that finish at once cannot deepen the stack.
 */
public final class ConcurrencyLimiter {

  private final int max;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;
  private boolean draining;

  public ConcurrencyLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    this.max = max;
  }

  /** Runs {@code task} when a permit is free; the result completes as the task's stage does. */
  public <T> CompletableFuture<T> submit(Supplier<? extends CompletionStage<T>> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    synchronized (this) {
      waiting.add(() -> start(task, result));
    }
    drain();
    return result;
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  public synchronized int waiting() {
    return waiting.size();
  }

  private <T> void start(Supplier<? extends CompletionStage<T>> task, CompletableFuture<T> result) {
    CompletionStage<T> stage;
    try {
      stage = task.get();
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (value, error) -> {
          synchronized (this) {
            inFlight--;
          }
          drain();
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        });
  }

  private void drain() {
    synchronized (this) {
      if (draining) {
        return; // the loop below, further up this or another thread's stack, will see the change
      }
      draining = true;
    }
    while (true) {
      Runnable next;
      synchronized (this) {
        if (inFlight >= max || waiting.isEmpty()) {
          draining = false;
          return;
        }
        inFlight++;
        next = waiting.poll();
      }
      next.run();
    }
  }
}
