package dev.sluice.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.StreamEvent;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.anthropic.AnthropicProvider;
import dev.sluice.llm.openai.OpenAiProvider;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.SimulatorServer;
import dev.sluice.testing.Poll;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both HTTP adapters against the simulator over real HTTP: full streams, every fault the simulator
 * injects, timeouts and cancellation, with the simulator confirming what reached it.
 */
class AdaptersAgainstSimulatorTest {

  private static final String KEY = "sk-simulator-test-key-0123456789";
  private static SimulatorServer simulator;
  private static ExecutorService executor;
  private static ScheduledExecutorService scheduler;

  @BeforeAll
  static void start() {
    simulator =
        SimulatorServer.start(
            SimulatorSettings.from(
                Map.of(
                    "first-token-delay",
                    "60ms",
                    "inter-token-delay",
                    "5ms",
                    "output-tokens",
                    "12")),
            0,
            KEY);
    executor = Executors.newFixedThreadPool(2);
    scheduler = Executors.newScheduledThreadPool(1);
  }

  @AfterAll
  static void stop() {
    simulator.close();
    executor.shutdownNow();
    scheduler.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void streamsAFullAnswer(ProviderType type) {
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    ChatResult result =
        await(provider(type, KEY).stream(request("Tell me about rivers"), events::add));

    // 12 tokens; those that arrive in one read come as one delta.
    String streamed =
        events.stream()
            .filter(StreamEvent.TextDelta.class::isInstance)
            .map(e -> ((StreamEvent.TextDelta) e).text())
            .collect(Collectors.joining());
    assertThat(streamed).isEqualTo(result.content());
    assertThat(result.content()).startsWith("Simulated answer about");
    assertThat(result.usage().outputTokens()).isEqualTo(12);
    assertThat(result.usage().inputTokens()).isPositive();
    assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.providerRequestId()).isNotBlank();
    assertThat(result.rateLimits().isEmpty()).isFalse();
    assertThat(result.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    assertThat(events).anyMatch(StreamEvent.RateLimitsObserved.class::isInstance);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aServerThatReportsNoUsageGetsItEstimatedAndMarked(ProviderType type) {
    ChatRequest request = request("[sim:no-usage] Tell me about lakes");
    ChatResult result = await(provider(type, KEY).stream(request, x -> {}));

    TokenCounter counter = TokenCounter.instance();
    assertThat(result.usage().estimated()).isTrue();
    assertThat(result.usage().inputTokens()).isEqualTo(counter.countPrompt(request));
    assertThat(result.usage().outputTokens())
        .isEqualTo(counter.count(result.content()))
        .isPositive();
    assertThat(await(provider(type, KEY).stream(request("Tell me"), x -> {})).usage().estimated())
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aRateLimitCarriesItsNotBeforeInstant(ProviderType type) {
    Instant before = Instant.now();
    LlmException e =
        failure(provider(type, KEY).stream(request("[sim:rate-limit retry-after=3] hi"), x -> {}));

    assertThat(e.kind()).isEqualTo(LlmErrorKind.RATE_LIMITED);
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.retryable()).isTrue();
    assertThat(e.notBefore()).isBetween(before.plusMillis(2_500), before.plusMillis(4_000));
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void serverErrorsAndOverloadAreRetryableKinds(ProviderType type) {
    LlmProvider provider = provider(type, KEY);

    LlmException server = failure(provider.stream(request("[sim:server-error] hi"), x -> {}));
    LlmException overloaded = failure(provider.stream(request("[sim:overloaded] hi"), x -> {}));
    LlmException malformed = failure(provider.stream(request("[sim:malformed] hi"), x -> {}));

    assertThat(server.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(server.httpStatus()).isEqualTo(500);
    assertThat(overloaded.kind()).isEqualTo(LlmErrorKind.OVERLOADED);
    assertThat(overloaded.httpStatus()).isIn(503, 529);
    assertThat(malformed.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(List.of(server, overloaded, malformed)).allMatch(LlmException::retryable);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aStreamCutMidWayReportsThePartialContent(ProviderType type) {
    List<String> deltas = new CopyOnWriteArrayList<>();
    LlmException e =
        failure(
            provider(type, KEY).stream(
                request("[sim:cut-after=5] hi"),
                ev -> {
                  if (ev instanceof StreamEvent.TextDelta d) {
                    deltas.add(d.text());
                  }
                }));

    assertThat(e.kind()).isEqualTo(LlmErrorKind.STREAM_INTERRUPTED);
    assertThat(e.retryable()).isFalse();
    assertThat(deltas).hasSize(5);
    assertThat(e.partialContent()).isEqualTo(String.join("", deltas));
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aSlowFirstTokenHitsTheTimeoutAndClosesTheConnection(ProviderType type) {
    long closedBefore = simulator.stats().streamsClosedByClient();
    LlmProvider impatient = provider(type, KEY, Duration.ofMillis(300));

    LlmException e = failure(impatient.stream(request("[sim:slow-first-token=5000] hi"), x -> {}));

    assertThat(e.kind()).isEqualTo(LlmErrorKind.FIRST_TOKEN_TIMEOUT);
    Poll.untilTrue(
        () -> simulator.stats().streamsClosedByClient() > closedBefore,
        () -> "the simulator to see the connection closed: " + simulator.stats());
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void cancellingMidStreamClosesTheUpstreamConnection(ProviderType type) {
    long closedBefore = simulator.stats().streamsClosedByClient();
    List<String> deltas = new CopyOnWriteArrayList<>();
    ChatStream[] holder = new ChatStream[1];
    holder[0] =
        provider(type, KEY).stream(
            request("[sim:tokens=400] [sim:delay=20] a long one"),
            ev -> {
              if (ev instanceof StreamEvent.TextDelta d && deltas.size() < 3) {
                deltas.add(d.text());
                if (deltas.size() == 3) {
                  scheduler.execute(() -> holder[0].cancel());
                }
              }
            });

    LlmException e = failure(holder[0]);

    assertThat(e.kind()).isEqualTo(LlmErrorKind.CANCELLED);
    Poll.untilTrue(
        () -> simulator.stats().streamsClosedByClient() > closedBefore,
        () -> "the simulator to see the connection closed: " + simulator.stats());
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aWrongKeyIsAnAuthenticationErrorThatNeverShowsTheKey(ProviderType type) {
    String wrong = "sk-wrong-key-abcdefghijklmnop";
    LlmException e = failure(provider(type, wrong).stream(request("hi"), x -> {}));

    assertThat(e.kind()).isEqualTo(LlmErrorKind.AUTHENTICATION);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage() + e).doesNotContain(wrong).doesNotContain(KEY);
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  void aFinishedStreamIsNotKeptReachableByItsTimers(ProviderType type) {
    // An object of its own: a non-capturing lambda would be a cached constant, never collected.
    StreamListener listener = new CopyOnWriteArrayList<StreamEvent>()::add;
    WeakReference<StreamListener> watched = new WeakReference<>(listener);
    await(provider(type, KEY).stream(request("hi"), listener));
    listener = null;

    // The first-token timeout (10 s) is still pending in the scheduler's queue.
    Poll.untilTrue(
        () -> {
          System.gc();
          return watched.get() == null;
        },
        () -> "the finished stream's listener to be collected");
  }

  private static LlmProvider provider(ProviderType type, String key) {
    return provider(type, key, Duration.ofSeconds(10));
  }

  private static LlmProvider provider(ProviderType type, String key, Duration firstToken) {
    ProviderSettings settings =
        ProviderSettings.defaults("sim-" + type, type, URI.create(simulator.baseUrl() + "/v1"), key)
            .withTimeouts(Duration.ofSeconds(5), firstToken, Duration.ofSeconds(5));
    ProviderRuntime runtime = ProviderRuntime.of(executor, scheduler);
    return type == ProviderType.OPENAI
        ? new OpenAiProvider(settings, runtime)
        : new AnthropicProvider(settings, runtime);
  }

  private static ChatRequest request(String text) {
    return ChatRequest.of("sim-large", List.of(ChatMessage.user(text)));
  }

  private static ChatResult await(ChatStream stream) {
    return stream.result().toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).join();
  }

  private static LlmException failure(ChatStream stream) {
    try {
      ChatResult unexpected = await(stream);
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(LlmException.class);
      return (LlmException) e.getCause();
    }
  }
}
