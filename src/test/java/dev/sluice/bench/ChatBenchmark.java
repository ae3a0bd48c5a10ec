package dev.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs N concurrent chats against Sluice on Liberty, each a REST question and a WebSocket
 * subscriber, with the simulator in its own process as the provider. Reports answers completed,
 * chunks lost, how much later than the simulator's pace tokens arrive, and the server's live heap
 * per chat and threads while the answers stream.
 *
 * <pre>bin/bench-chats [--chats=1000 --first-token-delay=500ms --inter-token-delay=20ms]</pre>
 */
public final class ChatBenchmark {

  private final ChatOptions options;

  private ChatBenchmark(ChatOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    ChatOptions options = ChatOptions.parse(args);
    String report = new ChatBenchmark(options).run();
    System.out.println(report);
    Path file = Path.of("target", "bench", "chats-" + options.chats() + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("report written to " + file);
    System.exit(0);
  }

  private String run() throws Exception {
    // Two threads take every socket and HTTP callback: the client stays small beside the server.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "bench-client");
              t.setDaemon(true);
              return t;
            });
    try (SimulatorProcess simulator = SimulatorProcess.start(options.simulatorFlags());
        BenchServer server = new BenchServer(options)) {
      stopOnInterrupt(simulator, server);
      log("starting Sluice (server " + options.serverName() + ") ...");
      server.start(simulator.baseUrl());
      // A new client per round: a connection pooled since the previous round may be closed by the
      // server just as it is reused, and the JDK client does not retry a POST on it.
      Supplier<ChatClient> clients =
          () -> new ChatClient(server.baseUrl(), BenchServer.USER, server.password(), executor);
      try (ServerGauges gauges = new ServerGauges(server.baseUrl(), server.pid())) {
        return rounds(clients, gauges);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  private String rounds(Supplier<ChatClient> clients, ServerGauges gauges) throws Exception {
    log("warm-up: " + options.warmupChats() + " chats");
    ChatOutcome warmup = new ChatRound(clients.get(), options, options.warmupChats()).run(null);
    log("warm-up: " + warmup.summary());
    ServerSnapshot idle = settle(clients.get(), gauges);
    // Two rounds: the heap reading pauses the server, which would distort the timings.
    log("plateau round (heap and threads): " + options.chats() + " chats");
    PlateauReading plateau = new PlateauReading(gauges);
    ChatOutcome plateauRound = new ChatRound(clients.get(), options, options.chats()).run(plateau);
    log("plateau round: " + plateauRound.summary());
    log("timed round: " + options.chats() + " chats");
    ChatRound timed = new ChatRound(clients.get(), options, options.chats());
    ChatOutcome outcome = timed.run(null);
    log("timed round: " + outcome.summary());
    return ChatReport.render(
        options, new ChatReport.Rounds(warmup, plateauRound, outcome), idle, plateau, timed.tally);
  }

  /**
   * Waits until the warm-up's ended answers may leave the server's replay buffers, lets one chat
   * run so the server sweeps them, and reads the idle server.
   */
  private ServerSnapshot settle(ChatClient client, ServerGauges gauges) throws Exception {
    log("settling for " + options.settle().toSeconds() + " s");
    Thread.sleep(options.settle().toMillis());
    new ChatRound(client, options, 1).run(null);
    return gauges.take();
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
