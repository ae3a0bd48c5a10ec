package dev.sluice.simulator;

import dev.sluice.llm.simulated.SimulatorSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's command line: {@code --port=8089}, {@code --api-key=...}, every {@link
 * SimulatorSettings} key as {@code --key=value}, for example {@code --first-token-delay=500ms}, and
 * the batch APIs' {@link BatchSettings}, for example {@code --batch-processing-time=2s}.
 */
record SimulatorCommandLine(
    int port, String apiKey, SimulatorSettings settings, BatchSettings batches, boolean help) {

  static final String USAGE =
      "usage: bin/simulator [--port=8089] [--api-key=KEY] [--KEY=VALUE ...]\n"
          + "  settings: "
          + String.join(", ", SimulatorSettings.KEYS)
          + "\n  batch APIs: "
          + String.join(", ", BatchSettings.KEYS)
          + "\n  durations: 500ms, 2s or plain milliseconds; ratios: 0..1";

  static SimulatorCommandLine parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> batchValues = new HashMap<>();
    boolean help = false;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
      }
      String key = arg.substring(2, eq);
      if (BatchSettings.KEYS.contains(key)) {
        batchValues.put(key, arg.substring(eq + 1));
        continue;
      }
      if (!key.equals("port") && !key.equals("api-key") && !SimulatorSettings.KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
      values.put(key, arg.substring(eq + 1));
    }
    return new SimulatorCommandLine(
        port(values.getOrDefault("port", "8089")),
        values.get("api-key"),
        SimulatorSettings.from(values),
        BatchSettings.from(batchValues),
        help);
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be 0..65535, got '" + value + "'");
  }
}
