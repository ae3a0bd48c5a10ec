package dev.sluice.llm;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The threads and clocks adapters run on. In the server these are the container's managed
 * executors; tests pass their own, and an injectable clock.
 *
 * @param executor runs the HTTP client's short completion tasks; never used to wait
 * @param scheduler runs timeouts and the simulated provider's pacing
 * @param clock wall time, for turning Retry-After and reset headers into instants
 * @param nanoClock monotonic time, for durations
 */
public record ProviderRuntime(
    Executor executor, ScheduledExecutorService scheduler, Clock clock, LongSupplier nanoClock) {

  public ProviderRuntime {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(nanoClock, "nanoClock");
  }

  public static ProviderRuntime of(Executor executor, ScheduledExecutorService scheduler) {
    return new ProviderRuntime(executor, scheduler, Clock.systemUTC(), System::nanoTime);
  }
}
