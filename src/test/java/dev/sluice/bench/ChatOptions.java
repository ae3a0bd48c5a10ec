package dev.sluice.bench;

import dev.sluice.platform.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The chat benchmark's knobs, from {@code --key=value} arguments. The Liberty installation, server
 * name and port are passed by {@code bin/bench-chats}, which builds that server.
 *
 * @param chats questions of the burst scenario (and of its plateau round)
 * @param idleQuestions questions of the idle scenario, asked one at a time
 * @param rate questions per second of the steady scenario
 * @param duration how long the steady scenario's questions arrive
 * @param intakeClients closed-loop clients of the intake scenario
 * @param intakeDuration the intake scenario's measured window
 * @param intakeRamp how long the intake clients run before the window opens
 * @param intakeTokens answer length asked of the simulator in the intake scenario
 * @param intakeFirstToken the simulator's time to first token for intake questions (a directive in
 *     the question), short so the closed loop's bound lies far above what is measured
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
    int httpPort,
    Set<Scenario> scenarios,
    int idleQuestions,
    double rate,
    Duration duration,
    int intakeClients,
    Duration intakeDuration,
    Duration intakeRamp,
    int intakeTokens,
    Duration intakeFirstToken) {

  /** What the benchmark can measure in one run; {@code --scenarios=idle,burst} picks some. */
  enum Scenario {
    /** Single questions, one at a time, on a settled server. */
    IDLE,
    /** N questions posted at once; also the plateau round (heap per chat, threads). */
    BURST,
    /** Questions at a fixed rate, open loop. */
    STEADY,
    /** Closed loop of K clients with short answers: questions accepted and served per second. */
    INTAKE;

    static Set<Scenario> parse(String names) {
      Set<Scenario> set = EnumSet.noneOf(Scenario.class);
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          set.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
      }
      if (set.isEmpty()) {
        throw new IllegalArgumentException("no scenario in --scenarios=" + names);
      }
      return set;
    }
  }

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
    Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
    int idleQuestions = 20;
    double rate = 200;
    Duration duration = Duration.ofSeconds(30);
    int intakeClients = 256;
    Duration intakeDuration = Duration.ofSeconds(20);
    Duration intakeRamp = Duration.ofSeconds(5);
    int intakeTokens = 4;
    Duration intakeFirstToken = Duration.ofMillis(100);
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
        case "scenarios" -> scenarios = Scenario.parse(value);
        case "idle-questions" -> idleQuestions = Integer.parseInt(value);
        case "rate" -> rate = Double.parseDouble(value);
        case "duration" -> duration = Durations.parse(value);
        case "intake-clients" -> intakeClients = Integer.parseInt(value);
        case "intake-duration" -> intakeDuration = Durations.parse(value);
        case "intake-ramp" -> intakeRamp = Durations.parse(value);
        case "intake-tokens" -> intakeTokens = Integer.parseInt(value);
        case "intake-first-token" -> intakeFirstToken = Durations.parse(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (rate <= 0 || idleQuestions < 1 || intakeClients < 1 || chats < 1) {
      throw new IllegalArgumentException(
          "--chats, --idle-questions, --rate and --intake-clients must be positive");
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
        port,
        scenarios,
        idleQuestions,
        rate,
        duration,
        intakeClients,
        intakeDuration,
        intakeRamp,
        intakeTokens,
        intakeFirstToken);
  }

  boolean runs(Scenario scenario) {
    return scenarios.contains(scenario);
  }

  /** Questions of the steady scenario: its rate times its duration. */
  int steadyQuestions() {
    return (int) Math.round(rate * duration.toNanos() / 1e9);
  }

  List<String> simulatorFlags() {
    return List.of(
        "--first-token-delay=" + firstTokenDelay.toMillis() + "ms",
        "--inter-token-delay=" + interTokenDelay.toMillis() + "ms",
        "--output-tokens=" + outputTokens,
        "--api-key=" + BenchServer.API_KEY);
  }
}
