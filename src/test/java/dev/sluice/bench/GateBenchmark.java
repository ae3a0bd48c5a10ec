package dev.sluice.bench;

import dev.sluice.admission.BreakerSettings;
import dev.sluice.admission.FallbackChain;
import dev.sluice.admission.Gate;
import dev.sluice.admission.LaneSettings;
import dev.sluice.admission.Priority;
import dev.sluice.admission.PriorityLane;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.admission.RetryPolicy;
import dev.sluice.admission.TimeSource;
import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.openai.OpenAiProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives the admission gate with more demand than its budget, against the simulator in its own
 * process answering 10% of requests with 429 and a Retry-After, and reports how well the gate uses
 * the budget without ever exceeding it or sending early.
 *
 * <pre>bin/bench-gate [--rpm=600 --tpm=30000 --demand=900 --minutes=4 --rate-limit-ratio=0.1]</pre>
 */
public final class GateBenchmark {

  public static void main(String[] args) throws Exception {
    GateOptions o = GateOptions.parse(args);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    Clock clock = Clock.systemUTC();
    try (SimulatorProcess simulator = SimulatorProcess.start(o.simulatorFlags())) {
      ProviderSettings settings =
          ProviderSettings.defaults(
              "sim", ProviderType.OPENAI, URI.create(simulator.baseUrl() + "/v1"), "bench");
      GateRecorder recorder =
          new GateRecorder(
              new OpenAiProvider(settings, ProviderRuntime.of(scheduler, scheduler)), clock);
      Gate gate = gate(o, recorder, scheduler, clock);
      List<CompletableFuture<?>> calls = drive(gate, o, recorder, scheduler);
      String report = GateReport.render(o, recorder);
      calls.forEach(c -> c.cancel(true));
      System.out.println(report);
      Path file = Path.of("target", "bench", "gate.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);
      System.out.println("report written to " + file);
    } finally {
      scheduler.shutdownNow();
    }
    System.exit(0);
  }

  private static Gate gate(
      GateOptions o, GateRecorder recorder, ScheduledExecutorService scheduler, Clock clock) {
    LaneSettings lane =
        LaneSettings.of("sim/sim-large", o.maxInFlight(), o.rpm(), o.tpm(), 100_000);
    PriorityLane priorityLane = new PriorityLane(lane, scheduler, TimeSource.system(clock));
    ProviderBreakers breakers =
        new ProviderBreakers(
            new BreakerSettings(100, Duration.ofSeconds(60), 1_000_000, Duration.ofSeconds(5), 1),
            clock);
    RetryPolicy retry =
        new RetryPolicy(
            6, Duration.ofMillis(200), 2, Duration.ofSeconds(10), 0.2, Duration.ofMinutes(30));
    return new Gate(
        model -> priorityLane,
        model -> "sim",
        recorder::send,
        breakers,
        FallbackChain.none(),
        retry,
        scheduler,
        System::nanoTime,
        clock,
        new SplittableRandom(1));
  }

  /** Open-loop demand: one call every 60/demand seconds, priorities mixed, for the duration. */
  private static List<CompletableFuture<?>> drive(
      Gate gate, GateOptions o, GateRecorder recorder, ScheduledExecutorService scheduler)
      throws InterruptedException {
    List<CompletableFuture<?>> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    SplittableRandom random = new SplittableRandom(11);
    long periodNanos = 60_000_000_000L / o.demand();
    int[] counter = {0};
    ScheduledFuture<?> generator =
        scheduler.scheduleAtFixedRate(
            () -> {
              int i = counter[0]++;
              Priority priority = pick(random.nextDouble());
              String prompt = "call " + i;
              ChatRequest request =
                  ChatRequest.of("sim-large", List.of(ChatMessage.user(prompt)))
                      .withMaxOutputTokens(o.outputTokens());
              recorder.submitted(prompt, priority);
              calls.add(gate.stream(request, priority, e -> {}).result().toCompletableFuture());
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
    TimeUnit.MINUTES.sleep(o.minutes());
    generator.cancel(false);
    recorder.stop();
    return calls;
  }

  private static Priority pick(double p) {
    if (p < 0.1) {
      return Priority.HIGH;
    }
    return p < 0.3 ? Priority.NORMAL : Priority.BATCH;
  }
}
