package dev.sluice.simulator;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** Counters a test or a benchmark reads to see what the simulator went through. */
public final class SimulatorStats {

  /**
   * A point-in-time copy of the counters.
   *
   * @param requests API requests received (not counting {@code /_sim} ones)
   * @param streamsOpen streamed answers in progress
   * @param streamsCompleted streamed answers that ended normally
   * @param streamsClosedByClient streams whose client closed the connection before the end
   * @param streamsCut streams the simulator broke on purpose (cut or malformed)
   * @param peakOpenStreams the most streams open at once since the last reset
   */
  public record Snapshot(
      long requests,
      long streamsOpen,
      long streamsCompleted,
      long streamsClosedByClient,
      long streamsCut,
      long peakOpenStreams) {

    JsonObject toJson() {
      return new JsonObject()
          .put("requests", requests)
          .put("streamsOpen", streamsOpen)
          .put("streamsCompleted", streamsCompleted)
          .put("streamsClosedByClient", streamsClosedByClient)
          .put("streamsCut", streamsCut)
          .put("peakOpenStreams", peakOpenStreams);
    }
  }

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong closedByClient = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();

  void requestArrived() {
    requests.incrementAndGet();
  }

  void streamOpened() {
    long now = open.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
  }

  void streamCompleted() {
    open.decrementAndGet();
    completed.incrementAndGet();
  }

  void streamClosedByClient() {
    open.decrementAndGet();
    closedByClient.incrementAndGet();
  }

  void streamCut() {
    open.decrementAndGet();
    cut.incrementAndGet();
  }

  /** Zeroes every counter but the streams still open, which keep counting down as they end. */
  void reset() {
    requests.set(0);
    completed.set(0);
    closedByClient.set(0);
    cut.set(0);
    peak.set(open.get());
  }

  public Snapshot snapshot() {
    return new Snapshot(
        requests.get(), open.get(), completed.get(), closedByClient.get(), cut.get(), peak.get());
  }
}
