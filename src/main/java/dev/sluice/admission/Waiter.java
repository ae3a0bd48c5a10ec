package dev.sluice.admission;

import java.util.concurrent.CompletableFuture;

/** A call waiting in a lane: what it asks for, when it arrived, and its place in arrival order. */
final class Waiter {

  private final AdmissionRequest request;
  private final CompletableFuture<Permit> future;
  private final long arrivalNanos;
  private final long sequence;

  Waiter(
      AdmissionRequest request,
      CompletableFuture<Permit> future,
      long arrivalNanos,
      long sequence) {
    this.request = request;
    this.future = future;
    this.arrivalNanos = arrivalNanos;
    this.sequence = sequence;
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

  long sequence() {
    return sequence;
  }
}
