package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatorSettings;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every event loop of one simulator shares: its settings, the optional API key, the request
 * ordinal that seeds fault draws, the rate window, the stats, the arrivals and the batch APIs'
 * files and batches. All thread-safe.
 */
final class SimulatorState {

  private final SimulatorSettings settings;
  private final String apiKey;
  private final AtomicLong ordinal = new AtomicLong();
  private final RateWindow rateWindow = new RateWindow();
  private final SimulatorStats stats = new SimulatorStats();
  private final ArrivalLog arrivals = new ArrivalLog(200_000);
  private final BatchStore batches;

  SimulatorState(SimulatorSettings settings, String apiKey, BatchSettings batchSettings) {
    this.settings = settings;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.batches = new BatchStore(batchSettings);
  }

  SimulatorSettings settings() {
    return settings;
  }

  /** The key requests must carry, or null when any request is accepted. */
  String apiKey() {
    return apiKey;
  }

  long nextOrdinal() {
    return ordinal.incrementAndGet();
  }

  /**
   * Takes {@code count} consecutive ordinals and returns the first: a batch's items are planned
   * like that many requests arriving at once, so their fault draws are as reproducible as others.
   */
  long nextOrdinals(int count) {
    return ordinal.getAndAdd(count) + 1;
  }

  RateWindow rateWindow() {
    return rateWindow;
  }

  SimulatorStats stats() {
    return stats;
  }

  ArrivalLog arrivals() {
    return arrivals;
  }

  BatchStore batches() {
    return batches;
  }

  /**
   * Starts over: counters, arrivals, the ordinal, so a rerun draws the same faults, and the batch
   * APIs' files and batches, so a test does not see the batches of the one before.
   */
  void reset() {
    stats.reset();
    arrivals.clear();
    ordinal.set(0);
    batches.clear();
  }
}
