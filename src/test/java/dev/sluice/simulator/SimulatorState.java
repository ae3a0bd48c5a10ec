package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatorSettings;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every event loop of one simulator shares: its settings, the optional API key, the request
 * ordinal that seeds fault draws, the rate window, the stats and the arrivals. All thread-safe.
 */
final class SimulatorState {

  private final SimulatorSettings settings;
  private final String apiKey;
  private final AtomicLong ordinal = new AtomicLong();
  private final RateWindow rateWindow = new RateWindow();
  private final SimulatorStats stats = new SimulatorStats();
  private final ArrivalLog arrivals = new ArrivalLog(200_000);

  SimulatorState(SimulatorSettings settings, String apiKey) {
    this.settings = settings;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
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

  RateWindow rateWindow() {
    return rateWindow;
  }

  SimulatorStats stats() {
    return stats;
  }

  ArrivalLog arrivals() {
    return arrivals;
  }

  /** Starts over: counters, arrivals and the ordinal, so a rerun draws the same faults. */
  void reset() {
    stats.reset();
    arrivals.clear();
    ordinal.set(0);
  }
}
