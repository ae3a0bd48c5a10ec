package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.openai.OpenAiProvider;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.SimulatorServer;
import dev.sluice.testing.Poll;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real gate (lanes, breakers, retries) in front of the real OpenAI adapter, against the
 * simulator over HTTP. Budget periods are seconds, not a minute, so the tests stay short; the
 * arithmetic is the same.
 */
class GateAgainstSimulatorTest {

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Clock clock = Clock.systemUTC();
  private SimulatorServer simulator;
  private OpenAiProvider provider;
  private final List<Long> sends = new CopyOnWriteArrayList<>();
  private final List<String> sentPrompts = new CopyOnWriteArrayList<>();
  private final List<long[]> retryAfterWindows = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void noRequestLeavesBeforeTheRetryAfterItWasGiven() {
    start(Map.of("rate-limit-ratio", "0.1", "retry-after", "300ms"));
    Gate gate =
        gate(
            lane(LaneSettings.of("sim", 4, 100_000, 10_000_000, 1000)),
            noisyBreakers(),
            retries(6));

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      calls.add(call(gate, "question " + i, Priority.NORMAL));
    }
    awaitAll(calls);

    long rateLimited = simulator.arrivals().stream().filter(a -> a.status() == 429).count();
    assertThat(rateLimited).as("the simulator answered some 429s").isGreaterThanOrEqualTo(2);
    assertThat(retryAfterWindows).hasSize((int) rateLimited);
    for (long[] window : retryAfterWindows) {
      // No send after the client learned of a 429 and before the not-before it was given.
      assertThat(sends).noneMatch(sent -> sent > window[0] && sent < window[1]);
    }
    assertThat(simulator.arrivals()).hasSize(sends.size());
  }

  @Test
  void theRequestsPerMinuteCapHoldsInEverySlidingWindow() {
    start(Map.of());
    LaneSettings settings =
        LaneSettings.of("sim", 8, 20, 10_000_000, 1000).withPeriod(Duration.ofSeconds(2));
    Gate gate = gate(lane(settings), noisyBreakers(), retries(1));

    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(call(gate, "q" + i, Priority.BATCH));
    }
    awaitAll(calls);

    assertThat(simulator.arrivals()).hasSize(50);
    // Measured where the gate decides, as it hands each call to the provider: arrivals at the
    // simulator can bunch up behind a busy machine's scheduling, which no client-side gate
    // controls.
    List<Long> released = sends.stream().sorted().toList();
    assertThat(released).hasSize(50);
    long period = Duration.ofSeconds(2).toNanos();
    for (long start : released) {
      long inWindow = released.stream().filter(t -> t >= start && t < start + period).count();
      assertThat(inWindow).isLessThanOrEqualTo(20);
    }
  }

  @Test
  void aHighPriorityCallOvertakesAFullLaneOfBatchCalls() {
    start(Map.of("inter-token-delay", "100ms"));
    Gate gate =
        gate(
            lane(LaneSettings.of("sim", 2, 100_000, 10_000_000, 1000)),
            noisyBreakers(),
            retries(1));

    // The first batch answer takes about 2 s, the second 30 s: exactly one slot frees, and only
    // after the high call has been queued behind two waiting batch calls.
    List<GatedStream> calls = new ArrayList<>();
    calls.add(stream(gate, "batch 0 [sim:tokens=20]", Priority.BATCH));
    calls.add(stream(gate, "batch 1 [sim:tokens=300]", Priority.BATCH));
    calls.add(stream(gate, "batch 2", Priority.BATCH));
    calls.add(stream(gate, "batch 3", Priority.BATCH));
    awaitSent(2);
    calls.add(stream(gate, "interactive", Priority.HIGH));
    awaitSent(3);
    calls.forEach(GatedStream::cancel);

    assertThat(sentPrompts.get(2)).as("admitted as soon as a slot freed").isEqualTo("interactive");
  }

  private void awaitSent(int n) {
    Poll.untilTrue(() -> sentPrompts.size() >= n, () -> n + " calls sent; sent " + sentPrompts);
  }

  private static GatedStream stream(Gate gate, String prompt, Priority priority) {
    return gate.stream(
        ChatRequest.of("sim-large", List.of(ChatMessage.user(prompt))), priority, e -> {});
  }

  @Test
  void anOpenBreakerFailsFastThenLetsOnlyItsProbesThrough() {
    start(Map.of());
    // The breaker's own clock: the test moves it past the open wait instead of waiting it out.
    ManualTime breakerTime = new ManualTime();
    Duration openWait = Duration.ofMillis(800);
    ProviderBreakers breakers =
        new ProviderBreakers(
            new BreakerSettings(50, Duration.ofSeconds(30), 4, openWait, 2),
            breakerTime.wallClock());
    Gate gate =
        gate(lane(LaneSettings.of("sim", 8, 100_000, 10_000_000, 1000)), breakers, retries(1));

    awaitAll(calls(gate, 4));
    assertThat(simulator.arrivals()).hasSize(4);
    assertThat(breakers.state("sim").name()).isEqualTo("OPEN");

    List<CompletableFuture<?>> whileOpen = calls(gate, 6);
    awaitAll(whileOpen);
    assertThat(simulator.arrivals()).as("failed fast, nothing sent").hasSize(4);
    assertThat(whileOpen).allMatch(CompletableFuture::isCompletedExceptionally);

    breakerTime.advance(openWait.plusMillis(1));
    awaitAll(calls(gate, 6));
    assertThat(simulator.arrivals()).as("only the half-open probes").hasSize(6);
  }

  private List<CompletableFuture<?>> calls(Gate gate, int n) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(call(gate, "[sim:server-error] q" + i, Priority.NORMAL));
    }
    return calls;
  }

  private void start(Map<String, String> faults) {
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of("first-token-delay", "5ms", "inter-token-delay", "2ms", "output-tokens", "5"));
    settings.putAll(faults);
    simulator = SimulatorServer.start(SimulatorSettings.from(settings), 0);
    ProviderSettings providerSettings =
        ProviderSettings.defaults(
            "sim", ProviderType.OPENAI, URI.create(simulator.baseUrl() + "/v1"), "k");
    provider = new OpenAiProvider(providerSettings, ProviderRuntime.of(scheduler, scheduler));
  }

  private Lane lane(LaneSettings settings) {
    return new PriorityLane(settings, scheduler, TimeSource.system(clock));
  }

  private ProviderBreakers noisyBreakers() {
    return new ProviderBreakers(
        new BreakerSettings(100, Duration.ofSeconds(30), 1000, Duration.ofSeconds(1), 1), clock);
  }

  private static RetryPolicy retries(int attempts) {
    return new RetryPolicy(
        attempts, Duration.ofMillis(20), 2, Duration.ofSeconds(2), 0.2, Duration.ofSeconds(60));
  }

  private Gate gate(Lane lane, ProviderBreakers breakers, RetryPolicy retry) {
    return new Gate(
        model -> lane,
        model -> "sim",
        this::recordedUpstream,
        breakers,
        FallbackChain.none(),
        retry,
        scheduler,
        System::nanoTime,
        clock,
        new SplittableRandom(7));
  }

  /** The provider, with every send and every Retry-After the client learned recorded. */
  private ChatStream recordedUpstream(ChatRequest request, StreamListener listener) {
    sends.add(System.nanoTime());
    sentPrompts.add(request.lastUserText());
    ChatStream stream = provider.stream(request, listener);
    stream
        .result()
        .whenComplete(
            (ok, failure) -> {
              if (failure instanceof java.util.concurrent.CompletionException c) {
                failure = c.getCause();
              }
              if (failure instanceof LlmException e && e.kind() == LlmErrorKind.RATE_LIMITED) {
                long learned = System.nanoTime();
                long until = learned + Duration.between(clock.instant(), e.notBefore()).toNanos();
                retryAfterWindows.add(new long[] {learned, until});
              }
            });
    return stream;
  }

  private static CompletableFuture<?> call(Gate gate, String prompt, Priority priority) {
    ChatRequest request = ChatRequest.of("sim-large", List.of(ChatMessage.user(prompt)));
    return gate.stream(request, priority, event -> {}).result().toCompletableFuture();
  }

  private static void awaitAll(List<CompletableFuture<?>> calls) {
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .orTimeout(60, TimeUnit.SECONDS)
        .join();
  }
}
