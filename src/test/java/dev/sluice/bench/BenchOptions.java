package dev.sluice.bench;

import java.time.Duration;
import java.util.List;

/** The streaming benchmark's knobs, from {@code --key=value} arguments. */
record BenchOptions(
    int streams,
    Duration firstTokenDelay,
    Duration interTokenDelay,
    int outputTokens,
    Duration deadline) {

  static BenchOptions parse(String[] args) {
    int streams = 5000;
    Duration firstToken = Duration.ofMillis(500);
    Duration interToken = Duration.ofMillis(100);
    int tokens = 64;
    Duration deadline = Duration.ofMinutes(3);
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      String value = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "streams" -> streams = Integer.parseInt(value);
        case "first-token-delay" -> firstToken = millis(value);
        case "inter-token-delay" -> interToken = millis(value);
        case "output-tokens" -> tokens = Integer.parseInt(value);
        case "deadline" -> deadline = millis(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new BenchOptions(streams, firstToken, interToken, tokens, deadline);
  }

  List<String> simulatorFlags() {
    return List.of(
        "--first-token-delay=" + firstTokenDelay.toMillis() + "ms",
        "--inter-token-delay=" + interTokenDelay.toMillis() + "ms",
        "--output-tokens=" + outputTokens);
  }

  private static Duration millis(String value) {
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    if (value.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
    return Duration.ofMillis(Long.parseLong(value));
  }
}
