package dev.sluice.bench;

import java.util.List;

/** The gate benchmark's knobs, from {@code --key=value} arguments. */
record GateOptions(
    int rpm,
    long tpm,
    int demand,
    int minutes,
    int maxInFlight,
    int outputTokens,
    double rateLimitRatio,
    String retryAfter) {

  static GateOptions parse(String[] args) {
    int rpm = 600;
    long tpm = 30_000;
    int demand = 900;
    int minutes = 4;
    int maxInFlight = 32;
    int outputTokens = 20;
    double ratio = 0.1;
    String retryAfter = "1s";
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      String v = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "rpm" -> rpm = Integer.parseInt(v);
        case "tpm" -> tpm = Long.parseLong(v);
        case "demand" -> demand = Integer.parseInt(v);
        case "minutes" -> minutes = Integer.parseInt(v);
        case "max-in-flight" -> maxInFlight = Integer.parseInt(v);
        case "output-tokens" -> outputTokens = Integer.parseInt(v);
        case "rate-limit-ratio" -> ratio = Double.parseDouble(v);
        case "retry-after" -> retryAfter = v;
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new GateOptions(rpm, tpm, demand, minutes, maxInFlight, outputTokens, ratio, retryAfter);
  }

  List<String> simulatorFlags() {
    return List.of(
        "--first-token-delay=50ms",
        "--inter-token-delay=10ms",
        "--output-tokens=" + outputTokens,
        "--rate-limit-ratio=" + rateLimitRatio,
        "--retry-after=" + retryAfter);
  }
}
