package dev.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The intake scenario's load: K clients ({@link Lane}s), each asking its next question as soon as
 * its previous answer's first chunk arrived, or the answer ended without one. The clients run for a
 * ramp, then for a measured window; what happened inside the window (by the time each event
 * arrived) gives the rates: questions accepted and answers started per second. When the window
 * closes the clients stop asking and the loop waits for their last questions.
 */
final class ClosedLoop {

  /** One client: asks one question at a time, reporting to its loop. */
  interface Lane {
    /** Sends the next question; returns without waiting for anything. */
    void ask();
  }

  /** Where the count of provider requests comes from: the simulator's {@code /_sim/stats}. */
  interface ProviderRequests {
    long count() throws Exception;
  }

  private final LongSupplier clock;
  private final AtomicLong askedTotal = new AtomicLong();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean asking = true;
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private Optional<Duration> serverCpu = Optional.empty();
  private Optional<Duration> simulatorCpu = Optional.empty();

  /** Time to first token of the answers that started in the window. */
  final LatencyHistogram firstToken = new LatencyHistogram();

  /** How long the questions accepted in the window waited for their acceptance. */
  final LatencyHistogram acceptLatency = new LatencyHistogram();

  ClosedLoop(LongSupplier clock) {
    this.clock = clock;
  }

  ClosedLoop() {
    this(System::nanoTime);
  }

  long now() {
    return clock.getAsLong();
  }

  /** A lane sends a question. */
  void asked() {
    askedTotal.incrementAndGet();
    outstanding.incrementAndGet();
  }

  /** The question sent at {@code sentNanos} was accepted (202, or the stream's 200) or refused. */
  void accepted(boolean ok, long sentNanos, long nanos) {
    if (inWindow(nanos)) {
      if (ok) {
        accepted.incrementAndGet();
        acceptLatency.record(nanos - sentNanos);
      } else {
        rejected.incrementAndGet();
      }
    }
  }

  /**
   * The answer to the question sent at {@code sentNanos} sent its first chunk.
   *
   * @return whether the lane should ask its next question
   */
  boolean started(long sentNanos, long nanos) {
    outstanding.decrementAndGet();
    if (inWindow(nanos)) {
      started.incrementAndGet();
      firstToken.record(nanos - sentNanos);
    }
    return asking;
  }

  /**
   * The question went nowhere: refused, or its answer ended without a chunk.
   *
   * @return whether the lane should ask again
   */
  boolean failed(long nanos) {
    outstanding.decrementAndGet();
    if (inWindow(nanos)) {
      failed.incrementAndGet();
    }
    return asking;
  }

  boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  void openWindow(long nanos) {
    windowStart = nanos;
  }

  /** Closes the window; the lanes ask no more. */
  void closeWindow(long nanos) {
    windowEnd = nanos;
    asking = false;
  }

  /** Questions sent and neither started nor failed yet. */
  int outstanding() {
    return outstanding.get();
  }

  /**
   * Starts every lane, lets them run for {@code ramp}, measures for {@code window}, then stops them
   * and waits up to {@code drain} for their last questions.
   */
  IntakeResult run(
      List<? extends Lane> lanes,
      Duration ramp,
      Duration window,
      Duration drain,
      ProviderRequests provider,
      ProcessCpu server,
      ProcessCpu simulator)
      throws Exception {
    lanes.forEach(Lane::ask);
    Thread.sleep(ramp.toMillis());
    long requestsBefore = provider.count();
    Optional<Duration> serverBefore = server.used();
    Optional<Duration> simulatorBefore = simulator.used();
    openWindow(now());
    Thread.sleep(window.toMillis());
    closeWindow(now());
    long requestsAfter = provider.count();
    serverCpu = ProcessCpu.between(serverBefore, server.used());
    simulatorCpu = ProcessCpu.between(simulatorBefore, simulator.used());
    long end = System.nanoTime() + drain.toNanos();
    while (outstanding() > 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return result(lanes.size(), requestsAfter - requestsBefore);
  }

  /** The window's figures; {@code providerRequests} as the provider counted them meanwhile. */
  IntakeResult result(int clients, long providerRequests) {
    return new IntakeResult(
        clients,
        Duration.ofNanos(windowEnd - windowStart),
        accepted.get(),
        rejected.get(),
        started.get(),
        failed.get(),
        providerRequests,
        askedTotal.get(),
        outstanding(),
        firstToken,
        acceptLatency,
        serverCpu,
        simulatorCpu);
  }
}
