package dev.sluice.bench;

import java.util.concurrent.CountDownLatch;

/**
 * What the chats (or direct streams) of one round record into together: the latency histograms, and
 * latches that tell the round when every answer has started streaming (or ended without) and when
 * every answer has ended. Observed times are as the client saw them; added times are observed minus
 * the simulator's pace.
 */
final class RoundTally {

  final long firstTokenPaceNanos;
  final long interTokenPaceNanos;

  /** Time to first token as observed: from the question's send to its first chunk. */
  final LatencyHistogram firstToken = new LatencyHistogram();

  /** Gaps between consecutive chunks of one answer, as observed. */
  final LatencyHistogram chunkGap = new LatencyHistogram();

  final LatencyHistogram firstTokenDelay = new LatencyHistogram();
  final LatencyHistogram chunkDelay = new LatencyHistogram();
  final LatencyHistogram postLatency = new LatencyHistogram();
  final CountDownLatch started;
  final CountDownLatch ended;

  RoundTally(ChatOptions options, int chats) {
    this(options.firstTokenDelay().toNanos(), options.interTokenDelay().toNanos(), chats);
  }

  RoundTally(long firstTokenPaceNanos, long interTokenPaceNanos, int chats) {
    this.firstTokenPaceNanos = firstTokenPaceNanos;
    this.interTokenPaceNanos = interTokenPaceNanos;
    this.started = new CountDownLatch(chats);
    this.ended = new CountDownLatch(chats);
  }

  /** Books an answer's first chunk, {@code nanos} after its question was sent. */
  void firstChunk(long nanos) {
    firstToken.record(nanos);
    firstTokenDelay.record(nanos - firstTokenPaceNanos);
  }

  /** Books the gap between two consecutive chunks of one answer. */
  void nextChunk(long gapNanos) {
    chunkGap.record(gapNanos);
    chunkDelay.record(gapNanos - interTokenPaceNanos);
  }
}
