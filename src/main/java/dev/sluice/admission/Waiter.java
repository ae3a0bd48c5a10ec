package dev.sluice.admission;

import java.util.concurrent.CompletableFuture;

/**
 * A call waiting in a lane. Aging lifts it one rank per aging step, continuously, so its place in
 * line is a virtual deadline fixed at arrival (arrival + rank·step) and the queue never reorders.
 */
final class Waiter implements Comparable<Waiter> {

  private final AdmissionRequest request;
  private final CompletableFuture<Permit> future;
  private final long arrivalNanos;
  private final long sequence;
  private final long deadline;

  Waiter(
      AdmissionRequest request,
      CompletableFuture<Permit> future,
      long arrivalNanos,
      long sequence,
      long agingStepNanos) {
    this.request = request;
    this.future = future;
    this.arrivalNanos = arrivalNanos;
    this.sequence = sequence;
    this.deadline = arrivalNanos + request.priority().rank() * agingStepNanos;
  }

  Priority priority() {
    return request.priority();
  }

  long estimatedTokens() {
    return request.estimatedTokens();
  }

  CompletableFuture<Permit> future() {
    return future;
  }

  long arrivalNanos() {
    return arrivalNanos;
  }

  @Override
  public int compareTo(Waiter other) {
    // Differences, not raw values, so that nanoTime wrapping around cannot flip the order.
    long byDeadline = deadline - other.deadline;
    if (byDeadline != 0) {
      return byDeadline < 0 ? -1 : 1;
    }
    return Long.compare(sequence, other.sequence);
  }
}
