package dev.sluice.bench;

import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import java.util.concurrent.CountDownLatch;

/**
 * Listens to one benchmark stream: counts its chunks and records, for each, how much later than the
 * simulator's pace it arrived. Events of one stream arrive in order on one thread at a time.
 */
final class StreamProbe implements StreamListener {

  private final long startNanos = System.nanoTime();
  private final long firstTokenPaceNanos;
  private final long interTokenPaceNanos;
  private final LatencyHistogram firstTokenDelay;
  private final LatencyHistogram chunkDelay;
  private final CountDownLatch firstTokens;
  private final MeasurementWindow window;
  private long lastChunkNanos;
  private int chunks;

  StreamProbe(
      long firstTokenPaceNanos,
      long interTokenPaceNanos,
      LatencyHistogram firstTokenDelay,
      LatencyHistogram chunkDelay,
      CountDownLatch firstTokens,
      MeasurementWindow window) {
    this.firstTokenPaceNanos = firstTokenPaceNanos;
    this.interTokenPaceNanos = interTokenPaceNanos;
    this.firstTokenDelay = firstTokenDelay;
    this.chunkDelay = chunkDelay;
    this.firstTokens = firstTokens;
    this.window = window;
  }

  @Override
  public void on(StreamEvent event) {
    if (!(event instanceof StreamEvent.TextDelta)) {
      return;
    }
    long now = System.nanoTime();
    if (chunks == 0) {
      firstTokenDelay.record(now - startNanos - firstTokenPaceNanos);
      firstTokens.countDown();
    } else if (window.overlaps(lastChunkNanos, now)) {
      window.skipped.incrementAndGet();
    } else {
      chunkDelay.record(now - lastChunkNanos - interTokenPaceNanos);
    }
    lastChunkNanos = now;
    chunks++;
  }

  int chunks() {
    return chunks;
  }
}
