package dev.sluice.it;

import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.BatchSettings;
import dev.sluice.simulator.SimulatorServer;

/**
 * The LLM simulator a test class runs in the test JVM while it needs it, on the fixed loopback port
 * and with the API key the test server's {@code simhttp} provider calls it with (the pom's {@code
 * sluice.it.simulator-port} and {@code sluice.it.simulator-key}).
 */
final class HttpSimulator {

  private HttpSimulator() {}

  static SimulatorServer start(SimulatorSettings settings, BatchSettings batches) {
    return SimulatorServer.start(
        settings,
        Integer.parseInt(fixture("sluice.it.simulator-port")),
        fixture("sluice.it.simulator-key"),
        batches);
  }

  private static String fixture(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("no " + key + ": run the integration tests with mvn verify");
    }
    return value;
  }
}
