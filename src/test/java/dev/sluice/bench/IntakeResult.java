package dev.sluice.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link ClosedLoop} measured in its window.
 *
 * @param clients lanes asking
 * @param window how long the window lasted
 * @param accepted questions accepted in the window (202 from Sluice, 200 from the simulator)
 * @param rejected questions refused in the window
 * @param started answers whose first chunk arrived in the window
 * @param failed questions that went nowhere in the window (refused, or ended without a chunk)
 * @param providerRequests requests the simulator counted in the window
 * @param askedTotal questions sent in all, ramp and drain included
 * @param leftOutstanding questions still without a first chunk when the loop gave up waiting
 * @param firstToken time to first token of the answers started in the window
 * @param acceptLatency time to acceptance of the questions accepted in the window
 * @param serverCpu CPU the Sluice server used in the window (empty when unknown)
 * @param simulatorCpu CPU the simulator used in the window (empty when unknown)
 */
record IntakeResult(
    int clients,
    Duration window,
    long accepted,
    long rejected,
    long started,
    long failed,
    long providerRequests,
    long askedTotal,
    int leftOutstanding,
    LatencyHistogram firstToken,
    LatencyHistogram acceptLatency,
    Optional<Duration> serverCpu,
    Optional<Duration> simulatorCpu) {

  double acceptedPerSecond() {
    return perSecond(accepted);
  }

  double startedPerSecond() {
    return perSecond(started);
  }

  double providerPerSecond() {
    return perSecond(providerRequests);
  }

  /** Milliseconds of {@code cpu} per request that reached the simulator in the window. */
  static Optional<Double> millisPerRequest(Optional<Duration> cpu, long requests) {
    return requests <= 0 ? Optional.empty() : cpu.map(c -> c.toNanos() / 1e6 / requests);
  }

  /** The server's CPU per question that reached the provider, in milliseconds. */
  Optional<Double> serverMillisPerQuestion() {
    return millisPerRequest(serverCpu, providerRequests);
  }

  /** The simulator's CPU per request it served, in milliseconds. */
  Optional<Double> simulatorMillisPerRequest() {
    return millisPerRequest(simulatorCpu, providerRequests);
  }

  /** {@code count} over the window, per second. */
  double perSecond(long count) {
    long nanos = window.toNanos();
    return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
  }
}
