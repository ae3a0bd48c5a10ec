package dev.sluice.bench;

import java.util.concurrent.CountDownLatch;

/**
 * What the chats of one round record into together: the latency histograms, and latches that tell
 * the round when every chat has started streaming (or ended without) and when every chat has ended.
 */
final class RoundTally {

  final long firstTokenPaceNanos;
  final long interTokenPaceNanos;
  final LatencyHistogram firstTokenDelay = new LatencyHistogram();
  final LatencyHistogram chunkDelay = new LatencyHistogram();
  final LatencyHistogram postLatency = new LatencyHistogram();
  final CountDownLatch started;
  final CountDownLatch ended;

  RoundTally(ChatOptions options, int chats) {
    this.firstTokenPaceNanos = options.firstTokenDelay().toNanos();
    this.interTokenPaceNanos = options.interTokenDelay().toNanos();
    this.started = new CountDownLatch(chats);
    this.ended = new CountDownLatch(chats);
  }
}
