package dev.sluice.bench;

import dev.sluice.bench.ChatOptions.Scenario;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs chat jobs against Sluice on Liberty, each a REST question to a chat watched on its
 * WebSocket, with the simulator in its own process as the provider, and the same load straight
 * against the simulator as the baseline. Scenarios (all by default, {@code --scenarios=} picks):
 * idle (single questions one at a time), burst (N at once, with the plateau round that reads the
 * server's live heap per chat and threads), steady (R questions a second, open loop) and intake (a
 * closed loop of K clients with short answers: questions accepted and served per second). Reports
 * time to first token through Sluice and directly, and the difference, frames lost, inter-chunk
 * delay, heap per chat and intake rates.
 *
 * <pre>
 * bin/bench-chats [--chats=1000 --scenarios=idle,burst,steady,intake --rate=200 --duration=30s
 *                  --intake-clients=256 --intake-duration=20s]
 * </pre>
 */
public final class ChatBenchmark {

  /** Between two questions of the idle scenario: the server is quiet again. */
  static final Duration IDLE_GAP = Duration.ofMillis(200);

  /** Before each measured round: the previous one's sockets closed, its collections done. */
  private static final Duration PAUSE = Duration.ofSeconds(2);

  /** After an intake loop's last first chunks: its short answers end. */
  private static final Duration INTAKE_TAIL = Duration.ofSeconds(1);

  private final ChatOptions options;
  private final String commandLine;

  private ChatBenchmark(ChatOptions options, String commandLine) {
    this.options = options;
    this.commandLine = commandLine;
  }

  public static void main(String[] args) throws Exception {
    ChatOptions options = ChatOptions.parse(args);
    String report = new ChatBenchmark(options, commandLine(args)).run();
    System.out.println(report);
    Path file = Path.of("target", "bench", "chats-" + options.chats() + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("report written to " + file);
    System.exit(0);
  }

  /** The command as the caller typed it: the options bin/bench-chats adds left out. */
  private static String commandLine(String[] args) {
    return Stream.concat(
            Stream.of("bin/bench-chats"),
            Stream.of(args)
                .filter(
                    a ->
                        !a.startsWith("--liberty=")
                            && !a.startsWith("--server-name=")
                            && !a.startsWith("--http-port=")))
        .collect(Collectors.joining(" "));
  }

  private String run() throws Exception {
    // Two threads take every socket and HTTP callback: the client stays small beside the server.
    ExecutorService executor = Executors.newFixedThreadPool(2, daemon("bench-client"));
    // One more ticks the steady scenario's schedule; it only sends, never waits.
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemon("bench-timer"));
    try (SimulatorProcess simulator = SimulatorProcess.start(options.simulatorFlags());
        BenchServer server = new BenchServer(options)) {
      stopOnInterrupt(simulator, server);
      log(
          "starting Sluice (server "
              + options.serverName()
              + ", "
              + server.database().kind()
              + ")");
      server.start(simulator.baseUrl());
      // A new client per round: a connection pooled since the previous round may be closed by the
      // server just as it is reused, and the JDK client does not retry a POST on it.
      Supplier<ChatClient> clients =
          () -> new ChatClient(server.baseUrl(), BenchServer.USER, server.password(), executor);
      Supplier<DirectClient> directs = () -> new DirectClient(simulator.baseUrl(), executor);
      ChatResults results = new ChatResults();
      results.database = server.database();
      results.commandLine = commandLine;
      try (ServerGauges gauges = new ServerGauges(server.baseUrl(), server.pid())) {
        new Rounds(clients, directs, gauges, simulator, server.pid(), timer, results).all();
      }
      return ChatReport.render(options, results);
    } finally {
      executor.shutdownNow();
      timer.shutdownNow();
    }
  }

  /** The scenarios in order, on one server and one simulator. */
  private final class Rounds {
    private final Supplier<ChatClient> clients;
    private final Supplier<DirectClient> directs;
    private final ServerGauges gauges;
    private final SimulatorProcess simulator;
    private final OptionalLong serverPid;
    private final ScheduledExecutorService timer;
    private final ChatResults r;

    Rounds(
        Supplier<ChatClient> clients,
        Supplier<DirectClient> directs,
        ServerGauges gauges,
        SimulatorProcess simulator,
        OptionalLong serverPid,
        ScheduledExecutorService timer,
        ChatResults results) {
      this.clients = clients;
      this.directs = directs;
      this.gauges = gauges;
      this.simulator = simulator;
      this.serverPid = serverPid;
      this.timer = timer;
      this.r = results;
    }

    void all() throws Exception {
      log("warm-up: " + options.warmupChats() + " chats, then as many direct streams");
      r.warmup = new ChatRound(clients.get(), options, options.warmupChats()).run(null);
      log("warm-up: " + r.warmup.summary());
      r.directWarmup =
          new DirectRound(directs.get(), options, options.warmupChats(), timer)
              .run(new Arrivals.Burst());
      log("direct warm-up: " + r.directWarmup.summary());
      settle();
      if (options.runs(Scenario.IDLE)) {
        r.idle =
            compare(
                "idle, one question at a time",
                options.idleQuestions(),
                new Arrivals.OneAtATime(IDLE_GAP));
      }
      if (options.runs(Scenario.BURST)) {
        burst();
      }
      if (options.runs(Scenario.STEADY)) {
        r.steady =
            compare(
                "steady arrival",
                options.steadyQuestions(),
                new Arrivals.FixedRate(options.rate()));
      }
      if (options.runs(Scenario.INTAKE)) {
        intake();
      }
    }

    /**
     * Waits until the warm-up's ended answers may leave the server's replay buffers, and lets one
     * chat run so the server sweeps them.
     */
    private void settle() throws Exception {
      log("settling for " + options.settle().toSeconds() + " s");
      Thread.sleep(options.settle().toMillis());
      new ChatRound(clients.get(), options, 1).run(null);
    }

    /**
     * The burst: first a round that reads the server at its plateau (the reading pauses the server,
     * which would distort the timings), then the timed round and its direct baseline.
     */
    private void burst() throws Exception {
      r.idleServer = gauges.take();
      pause();
      log("plateau round (heap and threads): " + options.chats() + " chats");
      r.plateau = new PlateauReading(gauges);
      r.plateauRound = new ChatRound(clients.get(), options, options.chats()).run(r.plateau);
      log("plateau round: " + r.plateauRound.summary());
      r.burst = compare("burst", options.chats(), new Arrivals.Burst());
    }

    /** One scenario through Sluice, then the same straight against the simulator. */
    private ScenarioResult compare(String name, int questions, Arrivals arrivals) throws Exception {
      pause();
      log(name + ": " + questions + " questions " + arrivals + ", through Sluice");
      ChatRound sluice = new ChatRound(clients.get(), options, questions).timer(timer);
      ChatOutcome viaSluice = sluice.run(arrivals, null);
      log(name + ", Sluice: " + viaSluice.summary() + lag(sluice.posting));
      pause();
      log(name + ": the same straight to the simulator");
      DirectRound direct = new DirectRound(directs.get(), options, questions, timer);
      ChatOutcome straight = direct.run(arrivals);
      log(name + ", direct: " + straight.summary() + lag(direct.posting));
      return new ScenarioResult(
          name,
          new ScenarioResult.Measured(viaSluice, sluice.tally, sluice.posting),
          new ScenarioResult.Measured(straight, direct.tally, direct.posting));
    }

    private void intake() throws Exception {
      String question =
          "Intake question [sim:tokens="
              + options.intakeTokens()
              + "] [sim:first-token="
              + options.intakeFirstToken().toMillis()
              + "]";
      pause();
      log("intake: " + options.intakeClients() + " closed-loop clients through Sluice");
      ChatClient client = clients.get();
      ClosedLoop viaSluice = new ClosedLoop();
      List<SluiceLane> lanes = new ArrayList<>();
      for (int i = 0; i < options.intakeClients(); i++) {
        lanes.add(new SluiceLane(client, viaSluice, question));
      }
      open(lanes);
      r.intakeSluice = loop(viaSluice, lanes, new ProcessCpu(serverPid));
      Thread.sleep(INTAKE_TAIL.toMillis());
      lanes.forEach(SluiceLane::close);
      log(intakeLine("Sluice", r.intakeSluice));

      pause();
      log("intake: the same straight to the simulator");
      DirectClient direct = directs.get();
      ClosedLoop straight = new ClosedLoop();
      RoundTally shared = new RoundTally(options, 0);
      List<DirectLane> directLanes = new ArrayList<>();
      for (int i = 0; i < options.intakeClients(); i++) {
        directLanes.add(new DirectLane(direct, straight, shared, question));
      }
      r.intakeDirect = loop(straight, directLanes, new ProcessCpu(OptionalLong.empty()));
      Thread.sleep(INTAKE_TAIL.toMillis());
      log(intakeLine("direct", r.intakeDirect));
    }

    private IntakeResult loop(
        ClosedLoop loop, List<? extends ClosedLoop.Lane> lanes, ProcessCpu serverCpu)
        throws Exception {
      return loop.run(
          lanes,
          options.intakeRamp(),
          options.intakeDuration(),
          options.deadline(),
          simulator::requests,
          serverCpu,
          new ProcessCpu(OptionalLong.of(simulator.pid())));
    }

    /** Creates each lane's chat and opens its socket, a few at a time. */
    private void open(List<SluiceLane> lanes) throws Exception {
      Semaphore slots = new Semaphore(ChatRound.SETUP_CONCURRENCY);
      List<CompletableFuture<WebSocket>> sockets = new ArrayList<>();
      for (int i = 0; i < lanes.size(); i++) {
        slots.acquire();
        sockets.add(lanes.get(i).open("Intake chat " + i).whenComplete((s, e) -> slots.release()));
      }
      CompletableFuture.allOf(sockets.toArray(CompletableFuture[]::new))
          .get(options.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static String lag(Arrivals.Posting posting) {
    OpenLoopSchedule s = posting.schedule();
    return s == null
        ? ""
        : String.format(
            Locale.ROOT,
            "; schedule lag p99 %.1f ms, max %.1f ms, %.1f/s achieved",
            s.lag.percentileMillis(99),
            s.maxLagNanos() / 1e6,
            s.achievedRate());
  }

  private static String intakeLine(String side, IntakeResult r) {
    return String.format(
        Locale.ROOT,
        "intake, %s: %.1f accepted/s, %.1f reached the simulator/s, %.1f first chunks/s;"
            + " %d refused, %d went nowhere, %d left outstanding; CPU per question: server %s,"
            + " simulator %s",
        side,
        r.acceptedPerSecond(),
        r.providerPerSecond(),
        r.startedPerSecond(),
        r.rejected(),
        r.failed(),
        r.leftOutstanding(),
        ChatReport.cpu(r.serverMillisPerQuestion()),
        ChatReport.cpu(r.simulatorMillisPerRequest()));
  }

  /**
   * Between measured rounds: a short pause, then until the machine is quiet, so no round runs in
   * the wake of the one before (see {@link QuietMachine}).
   */
  private static void pause() throws InterruptedException {
    Thread.sleep(PAUSE.toMillis());
    QuietMachine.await()
        .filter(w -> w.took().toSeconds() >= 2 || !w.quiet())
        .ifPresent(
            w ->
                log(
                    String.format(
                        "waited %d s for the machine to quiet down%s",
                        w.took().toSeconds(),
                        w.quiet()
                            ? ""
                            : String.format(
                                " (still %.0f %% busy; measuring anyway)",
                                100 * w.lastBusyShare()))));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Ctrl-C must not leave a Liberty server or a simulator behind. */
  private static void stopOnInterrupt(SimulatorProcess simulator, BenchServer server) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                    simulator.close();
                  } catch (Exception e) {
                    System.err.println("could not stop everything: " + e);
                  }
                }));
  }

  private static void log(String line) {
    System.out.println("[bench-chats] " + line);
  }
}
