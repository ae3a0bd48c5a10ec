package dev.sluice.bench;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.openai.OpenAiProvider;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Opens N concurrent streams through Sluice's OpenAI adapter against the simulator in its own
 * process, and reports completions, lost chunks, live threads and heap per open stream at the
 * plateau, and how much later than the simulator's pace chunks arrive.
 */
public final class StreamingBenchmark {

  private final BenchOptions options;
  private final LatencyHistogram firstTokenDelay = new LatencyHistogram();
  private final LatencyHistogram chunkDelay = new LatencyHistogram();

  private StreamingBenchmark(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    String report = new StreamingBenchmark(options).run();
    System.out.println(report);
    Path file = Path.of("target", "bench", "streams-" + options.streams() + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("report written to " + file);
    System.exit(0);
  }

  private String run() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2, daemon("http"));
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("timer"));
    try (SimulatorProcess simulator = SimulatorProcess.start(options.simulatorFlags())) {
      OpenAiProvider provider =
          new OpenAiProvider(
              settings(simulator.baseUrl()), ProviderRuntime.of(executor, scheduler));
      // Warm-up at full size: JIT, class loading, and the pool's connections already open.
      runStreams(provider, options.streams(), null);
      Measurement idle = Measurement.take();
      Plateau plateau = new Plateau();
      Outcome outcome = runStreams(provider, options.streams(), plateau);
      return Report.render(options, idle, plateau, outcome, firstTokenDelay, chunkDelay);
    } finally {
      executor.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  private Outcome runStreams(OpenAiProvider provider, int n, Plateau plateau) throws Exception {
    CountDownLatch firstTokens = new CountDownLatch(n);
    LatencyHistogram firstTokenHistogram =
        plateau == null ? new LatencyHistogram() : firstTokenDelay;
    LatencyHistogram chunkHistogram = plateau == null ? new LatencyHistogram() : chunkDelay;
    List<StreamProbe> probes = new ArrayList<>(n);
    List<CompletableFuture<ChatResult>> results = new ArrayList<>(n);
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      StreamProbe probe =
          new StreamProbe(
              options.firstTokenDelay().toNanos(),
              options.interTokenDelay().toNanos(),
              firstTokenHistogram,
              chunkHistogram,
              firstTokens,
              plateau == null ? new MeasurementWindow() : plateau.window);
      ChatRequest request =
          ChatRequest.of("sim-large", List.of(ChatMessage.user("Benchmark stream " + i)));
      ChatStream stream = provider.stream(request, probe);
      probes.add(probe);
      results.add(stream.result().toCompletableFuture());
    }
    Duration opened = Duration.ofNanos(System.nanoTime() - started);
    if (plateau != null) {
      plateau.measure(firstTokens, options);
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(options.deadline().toSeconds(), TimeUnit.SECONDS);
    return Outcome.of(probes, results, options.outputTokens(), opened);
  }

  private ProviderSettings settings(URI simulator) {
    return ProviderSettings.defaults(
            "simulator", ProviderType.OPENAI, URI.create(simulator + "/v1"), "bench-key")
        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, "bench-" + name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Live threads and heap after a full collection. */
  record Measurement(int threads, long heapBytes) {
    static Measurement take() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return new Measurement(
          ManagementFactory.getThreadMXBean().getThreadCount(),
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
  }

  /** The state while every stream is open: after all first tokens, before any stream ends. */
  static final class Plateau {
    final MeasurementWindow window = new MeasurementWindow();
    Measurement measurement;
    long streamsWithFirstToken;

    void measure(CountDownLatch firstTokens, BenchOptions options) throws InterruptedException {
      firstTokens.await(options.deadline().toSeconds(), TimeUnit.SECONDS);
      streamsWithFirstToken = options.streams() - firstTokens.getCount();
      window.open();
      measurement = Measurement.take();
      window.close();
    }
  }

  /** How the streams ended. */
  record Outcome(
      int completed, Map<String, Integer> failures, long chunks, long chunksLost, Duration opened) {
    static Outcome of(
        List<StreamProbe> probes,
        List<CompletableFuture<ChatResult>> results,
        int expectedChunks,
        Duration opened) {
      int completed = 0;
      long chunks = 0;
      long lost = 0;
      Map<String, Integer> failures = new TreeMap<>();
      for (int i = 0; i < probes.size(); i++) {
        CompletableFuture<ChatResult> result = results.get(i);
        chunks += probes.get(i).chunks();
        lost += Math.max(0, expectedChunks - probes.get(i).chunks());
        if (!result.isCompletedExceptionally() && result.isDone()) {
          completed++;
        } else {
          failures.merge(failureKind(result), 1, Integer::sum);
        }
      }
      return new Outcome(completed, failures, chunks, lost, opened);
    }

    private static String failureKind(CompletableFuture<ChatResult> result) {
      try {
        result.getNow(null);
        return "not finished";
      } catch (RuntimeException e) {
        Throwable cause = e.getCause();
        return cause instanceof LlmException l ? l.kind().name() : String.valueOf(cause);
      }
    }
  }
}
