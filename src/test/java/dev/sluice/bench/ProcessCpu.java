package dev.sluice.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time a process has used so far (user and system, all its threads), as the operating system
 * counts it. Throughput on a shared, noisy machine varies from run to run; CPU per question does
 * much less, so the intake scenario reports both.
 */
final class ProcessCpu {

  private final OptionalLong pid;

  ProcessCpu(OptionalLong pid) {
    this.pid = pid;
  }

  /** Empty when the process is unknown or the platform does not tell. */
  Optional<Duration> used() {
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.getAsLong()).flatMap(p -> p.info().totalCpuDuration());
  }

  /** CPU used between two readings, when both were made. */
  static Optional<Duration> between(Optional<Duration> before, Optional<Duration> after) {
    return before.isPresent() && after.isPresent()
        ? Optional.of(after.get().minus(before.get()))
        : Optional.empty();
  }
}
