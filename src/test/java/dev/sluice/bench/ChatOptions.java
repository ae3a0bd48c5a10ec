package dev.sluice.bench;

import dev.sluice.platform.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The chat benchmark's knobs, from {@code --key=value} arguments. The Liberty installation, server
 * name and port are passed by {@code bin/bench-chats}, which builds that server.
 */
record ChatOptions(
    int chats,
    int warmupChats,
    Duration firstTokenDelay,
    Duration interTokenDelay,
    int outputTokens,
    Duration deadline,
    Duration settle,
    Path liberty,
    String serverName,
    int httpPort) {

  static ChatOptions parse(String[] args) {
    int chats = 1000;
    Integer warmup = null;
    Duration firstToken = Duration.ofMillis(500);
    Duration interToken = Duration.ofMillis(20);
    int tokens = 64;
    Duration deadline = Duration.ofMinutes(3);
    // Ended answers stay replayable for 60 s (sluice.socket.replay-retention-seconds); the idle
    // baseline waits until the warm-up's have been forgotten.
    Duration settle = Duration.ofSeconds(62);
    Path liberty = Path.of("target", "liberty", "wlp");
    String server = "bench";
    int port = 9180;
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      String value = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "chats" -> chats = Integer.parseInt(value);
        case "warmup" -> warmup = Integer.parseInt(value);
        case "first-token-delay" -> firstToken = Durations.parse(value);
        case "inter-token-delay" -> interToken = Durations.parse(value);
        case "output-tokens" -> tokens = Integer.parseInt(value);
        case "deadline" -> deadline = Durations.parse(value);
        case "settle" -> settle = Durations.parse(value);
        case "liberty" -> liberty = Path.of(value);
        case "server-name" -> server = value;
        case "http-port" -> port = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new ChatOptions(
        chats,
        warmup == null ? chats : warmup,
        firstToken,
        interToken,
        tokens,
        deadline,
        settle,
        liberty,
        server,
        port);
  }

  List<String> simulatorFlags() {
    return List.of(
        "--first-token-delay=" + firstTokenDelay.toMillis() + "ms",
        "--inter-token-delay=" + interTokenDelay.toMillis() + "ms",
        "--output-tokens=" + outputTokens,
        "--api-key=" + BenchServer.API_KEY);
  }
}
