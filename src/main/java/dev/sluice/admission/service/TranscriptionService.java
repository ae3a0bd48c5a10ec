package dev.sluice.admission.service;

import dev.sluice.admission.AdmissionRequest;
import dev.sluice.admission.Lane;
import dev.sluice.admission.Priority;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Audio transcription: one non-streamed call, so MicroProfile Fault Tolerance's annotations fit
 * (retry, breaker, timeout; tune them with MP Config, e.g. {@code
 * dev.sluice.admission.service.TranscriptionService/transcribe/Retry/maxRetries}). The call still
 * waits for a slot in its model's lane, and a rate limit pauses that lane, so a retry never leaves
 * before the provider's Retry-After.
 */
@ApplicationScoped
public class TranscriptionService {

  @Inject AdmissionGate gate;

  @Asynchronous
  @Timeout(value = 10, unit = ChronoUnit.MINUTES)
  @Retry(
      maxRetries = 3,
      delay = 1,
      delayUnit = ChronoUnit.SECONDS,
      jitter = 500,
      jitterDelayUnit = ChronoUnit.MILLIS,
      retryOn = TransientLlmFailure.class)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      failOn = TransientLlmFailure.class)
  public CompletionStage<Transcription> transcribe(
      TranscriptionRequest request, Priority priority) {
    Lane lane = gate.laneFor(request.model());
    return lane.admit(new AdmissionRequest(priority, 0))
        .thenCompose(
            permit ->
                gate.client().transcribe(request).whenComplete((ok, failure) -> permit.release(0)))
        .handle(
            (transcription, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(transcription);
              }
              return CompletableFuture.<Transcription>failedFuture(classify(lane, failure));
            })
        .thenCompose(stage -> stage);
  }

  private static Throwable classify(Lane lane, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof LlmException e && e.retryable()) {
      if (e.kind() == LlmErrorKind.RATE_LIMITED && e.notBefore() != null) {
        lane.pauseUntil(e.notBefore());
      }
      return new TransientLlmFailure(e);
    }
    return cause;
  }
}
