package dev.sluice.llm.simulated;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Transcription;
import dev.sluice.llm.TranscriptionRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offline provider: answers every request with simulated text paced on the runtime's scheduler,
 * and acts out the faults its settings or the request's directives ask for, as the same {@link
 * LlmException}s a real adapter would raise.
 */
public final class SimulatedProvider implements LlmProvider {

  private final ProviderSettings settings;
  private final SimulatorSettings simulator;
  private final ProviderRuntime runtime;
  private final AtomicLong requests = new AtomicLong();

  public SimulatedProvider(
      ProviderSettings settings, SimulatorSettings simulator, ProviderRuntime runtime) {
    this.settings = settings;
    this.simulator = simulator;
    this.runtime = runtime;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChatStream stream(ChatRequest request, StreamListener listener) {
    long ordinal = requests.incrementAndGet();
    StreamAccumulator stream =
        new StreamAccumulator(name(), request, listener, runtime.nanoClock());
    stream.requestId("sim-" + ordinal);
    stream.answeredBy(request.model());
    SimulationPlan plan;
    try {
      plan = SimulationPlan.of(simulator, request, ordinal);
    } catch (IllegalArgumentException e) {
      LlmException error = error(LlmErrorKind.INVALID_REQUEST, e.getMessage(), 400, stream).build();
      later(Duration.ZERO, () -> stream.fail(error));
      return stream;
    }
    switch (plan.fault()) {
      case RATE_LIMITED -> later(Duration.ZERO, () -> stream.fail(rateLimited(plan, stream)));
      case SERVER_ERROR ->
          failLater(stream, LlmErrorKind.SERVER_ERROR, "internal server error", 500);
      case OVERLOADED -> failLater(stream, LlmErrorKind.OVERLOADED, "overloaded", 503);
      default -> startStreaming(plan, stream);
    }
    return stream;
  }

  @Override
  public CompletionStage<Transcription> transcribe(TranscriptionRequest request) {
    long ordinal = requests.incrementAndGet();
    long start = runtime.nanoClock().getAsLong();
    CompletableFuture<Transcription> result = new CompletableFuture<>();
    later(
        simulator.firstTokenDelay(),
        () ->
            result.complete(
                new Transcription(
                    new SimulatedText(simulator.seed())
                        .transcribe(request.audio(), request.fileName()),
                    request.model(),
                    name(),
                    "sim-" + ordinal,
                    Duration.ofNanos(runtime.nanoClock().getAsLong() - start),
                    null)));
    return result;
  }

  private void startStreaming(SimulationPlan plan, StreamAccumulator stream) {
    PlanPacer pacer =
        new PlanPacer(
            plan,
            this::schedule,
            runtime.nanoClock(),
            new AccumulatorSink(plan, stream, this::error));
    stream.onCancel(pacer::stop);
    pacer.start();
  }

  private LlmException rateLimited(SimulationPlan plan, StreamAccumulator stream) {
    return error(LlmErrorKind.RATE_LIMITED, "rate limit reached", 429, stream)
        .notBefore(runtime.clock().instant().plus(plan.retryAfter()))
        .build();
  }

  private void failLater(StreamAccumulator stream, LlmErrorKind kind, String message, int status) {
    LlmException error = error(kind, message, status, stream).build();
    later(Duration.ZERO, () -> stream.fail(error));
  }

  private LlmException.Builder error(
      LlmErrorKind kind, String message, int status, StreamAccumulator stream) {
    return LlmException.builder(kind, "simulated " + message)
        .provider(name())
        .model(stream.request().model())
        .httpStatus(status)
        .providerRequestId(stream.requestId());
  }

  private void later(Duration delay, Runnable task) {
    schedule(delay.toNanos(), task);
  }

  private Runnable schedule(long delayNanos, Runnable task) {
    var future = runtime.scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
