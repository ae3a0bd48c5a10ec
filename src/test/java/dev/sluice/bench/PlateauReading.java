package dev.sluice.bench;

import java.time.Duration;

/**
 * Reads the server while the answers stream, when most stream at once (see {@link ChatRound}). The
 * reading stops the server's world for a full collection, so the round it runs in gives no latency
 * figures; the answers streaming before and after it say how full the plateau was.
 */
final class PlateauReading implements ChatRound.Plateau {

  private final ServerGauges gauges;
  ServerSnapshot snapshot;
  int streamingBefore;
  int streamingAfter;
  Duration took = Duration.ZERO;

  PlateauReading(ServerGauges gauges) {
    this.gauges = gauges;
  }

  @Override
  public void measure(ChatRound round) throws Exception {
    streamingBefore = round.streaming();
    long start = System.nanoTime();
    snapshot = gauges.take();
    took = Duration.ofNanos(System.nanoTime() - start);
    streamingAfter = round.streaming();
  }
}
