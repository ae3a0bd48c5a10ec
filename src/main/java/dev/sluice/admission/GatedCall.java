package dev.sluice.admission;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamListener;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One call's way through the gate: tries each model of its fallback chain, each up to the retry
 * policy's attempts, until one answers, an error ends it, or the caller cancels. Every step runs on
 * a callback or a scheduled task; the lock only guards state and is never held across foreign code.
 */
final class GatedCall extends CallHandle {

  private final GateParts parts;
  private final ChatRequest request;
  private final Priority priority;
  private final ChainCursor cursor;
  private final long estimatedTokens;

  private AttemptRun current;
  private ScheduledFuture<?> backoffTask;
  private SendCheck check;
  private volatile boolean dropped;

  GatedCall(
      GateParts parts,
      ChatRequest request,
      Priority priority,
      StreamListener listener,
      SendCheck check) {
    super(listener, parts.nanoTime());
    this.check = check;
    this.parts = parts;
    this.request = request;
    this.priority = priority;
    this.cursor =
        new ChainCursor(
            parts.fallbacks().chainFor(request.model()), parts.policy(), parts.nanoTime());
    this.estimatedTokens = Gate.estimateTokens(request);
  }

  void start() {
    startAttempt(Duration.ZERO);
  }

  private void startAttempt(Duration backoff) {
    String model;
    synchronized (this) {
      if (isFinished()) {
        return;
      }
      backoffTask = null;
    }
    model = cursor.beginAttempt();
    String provider = parts.providers().apply(model);
    Lane lane = parts.lanes().apply(model);
    BreakerPass pass = parts.breakers().tryPass(provider);
    long now = parts.nanoTime().getAsLong();
    AttemptRun run =
        new AttemptRun(
            model, provider, lane, pass, backoff, parts.clock().instant(), now, this::hear);
    if (pass == null) {
      record(run, Attempt.Outcome.REJECTED_BY_BREAKER, LlmErrorKind.PROVIDER_UNAVAILABLE);
      String message = "circuit breaker of provider '" + provider + "' is open";
      nextModel(GateErrors.unavailable(provider, model, message, null, null));
      return;
    }
    synchronized (this) {
      current = run;
    }
    if (isFinished()) {
      pass.abandon();
      return;
    }
    CompletableFuture<Permit> admission =
        lane.admit(new AdmissionRequest(priority, estimatedTokens));
    run.waitFor(admission);
    admission.whenComplete((permit, error) -> onAdmission(run, permit, error));
  }

  private void onAdmission(AttemptRun run, Permit permit, Throwable error) {
    if (error != null) {
      run.pass().abandon();
      onRefused(run, error instanceof CompletionException ? error.getCause() : error);
      return;
    }
    if (!run.admitted(permit, parts.nanoTime().getAsLong())) {
      return;
    }
    SendCheck pending;
    synchronized (this) {
      pending = check;
      check = null;
    }
    if (pending == null) {
      send(run);
      return;
    }
    CompletionStage<Boolean> verdict;
    try {
      verdict = pending.mayStart();
    } catch (RuntimeException e) {
      drop(run);
      return;
    }
    verdict.whenComplete(
        (go, failure) -> {
          if (failure == null && Boolean.TRUE.equals(go)) {
            send(run);
          } else {
            drop(run);
          }
        });
  }

  /** The caller's check said no: the permit goes back, nothing was sent, nothing is recorded. */
  private void drop(AttemptRun run) {
    dropped = true;
    run.release(0);
    run.pass().abandon();
    end(null, GateErrors.dropped(request.model()));
  }

  private void send(AttemptRun run) {
    if (isFinished()) {
      // Cancelled while the check ran: the abort has released the permit already.
      return;
    }
    ChatStream stream;
    try {
      stream = parts.upstream().apply(request.withModel(run.model()), run);
    } catch (RuntimeException e) {
      onStreamEnded(run, null, e);
      return;
    }
    run.attach(stream);
    stream.result().whenComplete((r, e) -> onStreamEnded(run, r, e));
  }

  private void onRefused(AttemptRun run, Throwable cause) {
    if (cause instanceof CancellationException || isFinished()) {
      return;
    }
    boolean full = cause instanceof AdmissionRejectedException;
    record(
        run,
        full ? Attempt.Outcome.REJECTED_QUEUE_FULL : Attempt.Outcome.FAILED,
        LlmErrorKind.PROVIDER_UNAVAILABLE);
    nextModel(GateErrors.refused(cause, run.provider(), run.model(), parts.clock().instant()));
  }

  private void onStreamEnded(AttemptRun run, ChatResult answer, Throwable error) {
    Duration took = run.sinceSent(parts.nanoTime().getAsLong());
    if (error == null) {
      run.release(answer.usage().totalTokens());
      run.pass().succeeded(took);
      record(run, Attempt.Outcome.ADMITTED_COMPLETED, null);
      end(GateErrors.asRequested(answer, request.model()), null);
      return;
    }
    LlmException failure = GateErrors.classify(error, run.provider(), run.model());
    run.release(run.usageSeen().totalTokens());
    run.pass().failed(took, failure);
    if (isFinished()) {
      return;
    }
    record(run, Attempt.Outcome.FAILED, failure.kind());
    afterFailure(run, failure);
  }

  private void afterFailure(AttemptRun run, LlmException failure) {
    if (failure.retryable()) {
      if (failure.notBefore() != null) {
        run.lane().pauseUntil(failure.notBefore());
      }
      if (!scheduleRetry(failure)) {
        nextModel(failure);
      }
    } else if (failure.kind() == LlmErrorKind.PROVIDER_UNAVAILABLE) {
      nextModel(failure);
    } else {
      end(null, failure);
    }
  }

  private boolean scheduleRetry(LlmException failure) {
    Duration delay = cursor.retryDelay(failure, parts.clock().instant(), parts.random());
    if (delay == null) {
      return false;
    }
    synchronized (this) {
      if (!isFinished()) {
        backoffTask =
            parts
                .scheduler()
                .schedule(() -> startAttempt(delay), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    return true;
  }

  /** The failure ends this model's tries: the next model, or the call fails with it. */
  private void nextModel(LlmException failure) {
    if (cursor.advance()) {
      startAttempt(Duration.ZERO);
    } else {
      end(null, failure);
    }
  }

  @Override
  public boolean dropped() {
    return dropped;
  }

  @Override
  public void cancel() {
    AttemptRun run;
    ScheduledFuture<?> task;
    if (!markFinished()) {
      return;
    }
    synchronized (this) {
      run = current;
      task = backoffTask;
    }
    if (task != null) {
      task.cancel(false);
    } else if (run != null) {
      record(run, Attempt.Outcome.CANCELLED, LlmErrorKind.CANCELLED);
      run.abort();
    }
    publish(null, GateErrors.cancelled(request.model()));
  }
}
