package dev.sluice.bench;

import java.time.Duration;

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
    LatencyHistogram acceptLatency) {

  double acceptedPerSecond() {
    return perSecond(accepted);
  }

  double startedPerSecond() {
    return perSecond(started);
  }

  double providerPerSecond() {
    return perSecond(providerRequests);
  }

  /** {@code count} over the window, per second. */
  double perSecond(long count) {
    long nanos = window.toNanos();
    return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
  }
}
