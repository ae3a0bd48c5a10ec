package dev.sluice.documents.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;

/**
 * Runs {@code count} asynchronous steps with at most {@code parallelism} in flight, and completes
 * with their results in order, or with the first failure (no further step starts then). A long
 * document's sections go out a few at a time, so one document cannot flood its lane's queue. Steps
 * start in a loop, not by recursion, so steps that complete at once do not deepen the stack.
 */
final class Fanout<R> {

  private final int count;
  private final IntFunction<CompletionStage<R>> step;
  private final Object[] results;
  private final CompletableFuture<List<R>> done = new CompletableFuture<>();
  private int next;
  private int free;
  private int finished;
  private boolean starting;

  private Fanout(int count, int parallelism, IntFunction<CompletionStage<R>> step) {
    this.count = count;
    this.step = step;
    this.results = new Object[count];
    this.free = Math.max(1, parallelism);
  }

  static <R> CompletionStage<List<R>> run(
      int count, int parallelism, IntFunction<CompletionStage<R>> step) {
    Fanout<R> fanout = new Fanout<>(count, parallelism, step);
    if (count == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    fanout.startSteps();
    return fanout.done;
  }

  private void startSteps() {
    synchronized (this) {
      if (starting) {
        return;
      }
      starting = true;
    }
    while (true) {
      int index;
      synchronized (this) {
        if (free == 0 || next == count || done.isDone()) {
          starting = false;
          return;
        }
        free--;
        index = next++;
      }
      start(index);
    }
  }

  private void start(int index) {
    CompletionStage<R> stage;
    try {
      stage = step.apply(index);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    stage.whenComplete((result, error) -> finished(index, result, error));
  }

  private void finished(int index, R result, Throwable error) {
    if (error != null) {
      done.completeExceptionally(error);
      return;
    }
    boolean all;
    synchronized (this) {
      results[index] = result;
      free++;
      all = ++finished == count;
    }
    if (all) {
      done.complete(ordered());
    } else {
      startSteps();
    }
  }

  @SuppressWarnings("unchecked")
  private synchronized List<R> ordered() {
    return new ArrayList<>((List<R>) Arrays.asList(results));
  }
}
