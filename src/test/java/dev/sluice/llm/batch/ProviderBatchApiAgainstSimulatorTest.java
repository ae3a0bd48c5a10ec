package dev.sluice.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.ProviderRuntime;
import dev.sluice.llm.ProviderSettings;
import dev.sluice.llm.ProviderType;
import dev.sluice.llm.anthropic.AnthropicProvider;
import dev.sluice.llm.batch.BatchResult.Outcome;
import dev.sluice.llm.http.HttpClients;
import dev.sluice.llm.openai.OpenAiProvider;
import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.BatchSettings;
import dev.sluice.simulator.SimulatorServer;
import dev.sluice.testing.Poll;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both batch clients against the simulator's batch APIs over real HTTP: create, poll, results,
 * failed, expired and cancelled requests, limits, a wrong key, and a long results stream.
 */
class ProviderBatchApiAgainstSimulatorTest {

  private static final String KEY = "sk-simulator-batch-key-0123456789";
  private static final long SERVER_MAX_BYTES = 1024 * 1024;

  /** Batches take ten seconds unless their first request names a time; limits fit the tests. */
  private static final BatchSettings BATCHES =
      BatchSettings.defaults()
          .withProcessingTime(Duration.ofSeconds(10))
          .withOpenAiLimits(2_500, SERVER_MAX_BYTES)
          .withAnthropicLimits(2_500, SERVER_MAX_BYTES);

  /** The HTTP clients' completions and the chat adapters' timers, on two threads. */
  private static final ScheduledExecutorService THREADS = Executors.newScheduledThreadPool(2);

  private static final ProviderRuntime RUNTIME = ProviderRuntime.of(THREADS, THREADS);
  private static SimulatorServer simulator;

  /** Both providers' batch APIs: each test runs once against each. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ParameterizedTest
  @EnumSource(
      value = ProviderType.class,
      names = {"OPENAI", "ANTHROPIC"})
  @interface BothProviders {}

  @BeforeAll
  static void start() {
    simulator =
        SimulatorServer.start(
            SimulatorSettings.from(Map.of("output-tokens", "12")), 0, KEY, BATCHES);
  }

  @AfterAll
  static void stop() {
    simulator.close();
    THREADS.shutdownNow();
  }

  @BothProviders
  void answersEveryRequestAsTheChatEndpointWould(ProviderType type) {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch created =
        join(
            api.create(
                List.of(
                    item("rivers", "[sim:batch-time=300ms] Tell me about rivers"),
                    item("hello", "Hello"))));

    assertThat(created.type()).isEqualTo(type);
    assertThat(created.status().ended()).isFalse();
    assertThat(created.total()).isEqualTo(2);
    assertThat(created.createdAt()).isNotNull();
    ProviderBatch done = ended(api, created);
    assertThat(done.status()).isEqualTo(ProviderBatch.Status.COMPLETED);
    assertThat(done.succeeded()).isEqualTo(2);
    assertThat(done.processing()).isZero();
    assertThat(done.endedAt()).isAfterOrEqualTo(done.createdAt());

    Map<String, BatchResult> results = results(api, done);
    assertThat(results).containsOnlyKeys("rivers", "hello");
    ChatResult rivers = results.get("rivers").result();
    ChatResult streamed = stream(type, "Tell me about rivers");
    assertThat(results.get("rivers").outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rivers.content()).isEqualTo(streamed.content()).startsWith("Simulated answer");
    assertThat(rivers.usage()).isEqualTo(streamed.usage());
    assertThat(rivers.usage().outputTokens()).isEqualTo(12);
    assertThat(rivers.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(rivers.answeredModel()).isNotBlank();
    assertThat(rivers.provider()).isEqualTo("sim-" + type);
    assertThat(results.get("hello").result().content()).isEqualTo(stream(type, "Hello").content());
    assertThat(results.values()).allSatisfy(r -> assertThat(r.error()).isNull());
  }

  @BothProviders
  void aFailedRequestComesBackErroredWithItsReason(ProviderType type) {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch done =
        run(
            api,
            item("ok", "[sim:batch-time=200ms] Hello"),
            item("boom", "[sim:server-error] Hello"));

    assertThat(done.status()).isEqualTo(ProviderBatch.Status.COMPLETED);
    assertThat(done.succeeded()).isEqualTo(1);
    assertThat(done.errored()).isEqualTo(1);
    Map<String, BatchResult> results = results(api, done);
    assertThat(results.get("ok").outcome()).isEqualTo(Outcome.SUCCEEDED);
    BatchResult boom = results.get("boom");
    assertThat(boom.outcome()).isEqualTo(Outcome.ERRORED);
    assertThat(boom.result()).isNull();
    assertThat(boom.error()).isNotBlank();
    if (type == ProviderType.OPENAI) {
      assertThat(boom.error()).startsWith("HTTP 500");
    }
  }

  @BothProviders
  void resultsDownloadedToAFileReadLineByLineAreTheStreamedResults(
      ProviderType type, @TempDir Path dir) throws IOException {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch done =
        run(
            api,
            item("ok", "[sim:batch-time=200ms] Hello"),
            item("boom", "[sim:server-error] Hello"),
            item("more", "Rivers"));
    Path file = dir.resolve("results.jsonl");
    Files.writeString(file, "what an earlier, cut download left\n");

    join(api.download(done, file));

    Map<String, BatchResult> streamed = results(api, done);
    List<BatchResult> read =
        Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(api::result).toList();
    assertThat(read).hasSize(3);
    for (BatchResult result : read) {
      BatchResult same = streamed.get(result.customId());
      assertThat(result.outcome()).isEqualTo(same.outcome());
      assertThat(result.error()).isEqualTo(same.error());
      if (same.result() != null) {
        assertThat(result.result().content()).isEqualTo(same.result().content());
      }
    }
    assertThatThrownBy(() -> api.result("{\"not\":\"a result\"}"))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("malformed");
  }

  @BothProviders
  void aBatchStillRunningHasNothingToDownload(ProviderType type, @TempDir Path dir) {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch running = join(api.create(List.of(item("slow", "[sim:batch-time=5s] Hi"))));

    assertThatThrownBy(() -> api.download(running, dir.resolve("r.jsonl")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has not ended");
  }

  @BothProviders
  void anExpiredBatchKeepsWhatFinishedAndExpiresTheRest(ProviderType type) {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch done =
        run(
            api,
            item("one", "[sim:batch-time=300ms] Hello"),
            item("two", "Hello again"),
            item("three", "[sim:batch-expire] Too late"),
            item("four", "Later still"));

    assertThat(done.status()).isEqualTo(ProviderBatch.Status.EXPIRED);
    assertThat(done.succeeded()).isEqualTo(2);
    assertThat(done.expired()).isEqualTo(2);
    assertThat(outcomes(results(api, done)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "one", Outcome.SUCCEEDED,
                "two", Outcome.SUCCEEDED,
                "three", Outcome.EXPIRED,
                "four", Outcome.EXPIRED));
  }

  @BothProviders
  void aCancelKeepsWhatFinishedAndCancelsTheRest(ProviderType type) {
    ProviderBatchApi api = api(type, KEY);
    List<BatchRequest> requests = new ArrayList<>();
    requests.add(item("r0", "[sim:batch-time=4s] Hello"));
    IntStream.range(1, 6).forEach(i -> requests.add(item("r" + i, "Hello " + i)));
    ProviderBatch created = join(api.create(requests));
    Poll.until(
        () -> Optional.of(join(api.status(created))).filter(b -> b.succeeded() >= 1),
        () -> "a first request of " + created.id() + " to finish");

    ProviderBatch cancelling = join(api.cancel(created));
    assertThat(cancelling.status())
        .isIn(ProviderBatch.Status.CANCELLING, ProviderBatch.Status.CANCELLED);
    ProviderBatch done = ended(api, cancelling);

    assertThat(done.status()).isEqualTo(ProviderBatch.Status.CANCELLED);
    assertThat(done.cancelled()).isPositive();
    Map<String, Outcome> outcomes = outcomes(results(api, done));
    assertThat(outcomes).hasSize(6);
    assertThat(outcomes.values()).containsOnly(Outcome.SUCCEEDED, Outcome.CANCELLED);
    assertThat(outcomes.values().stream().filter(o -> o == Outcome.SUCCEEDED).count())
        .isEqualTo(done.succeeded())
        .isPositive();
    assertThat(outcomes.values().stream().filter(o -> o == Outcome.CANCELLED).count())
        .isEqualTo(done.cancelled());
  }

  @BothProviders
  void moreThanTheLimitsIsRefusedBeforeAnythingIsSent(ProviderType type) {
    ProviderBatchApi small = api(type, KEY, new BatchLimits(3, 2_000));
    List<BatchRequest> four = IntStream.range(0, 4).mapToObj(i -> item("r" + i, "Hello")).toList();
    String big = "x".repeat(2_000);

    assertThatThrownBy(() -> small.create(four))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 requests");
    assertThatThrownBy(() -> small.create(List.of(item("big", big))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2000 bytes");
    assertThatThrownBy(() -> small.create(List.of(item("a", "x"), item("a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("used twice");
    assertThatThrownBy(() -> small.create(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(api(type, KEY).limits())
        .isEqualTo(type == ProviderType.OPENAI ? BatchLimits.OPENAI : BatchLimits.ANTHROPIC);
  }

  @BothProviders
  void aSelectionLargerThanTheLimitsGoesUpAsSeveralFilesAndEveryRequestIsAnsweredOnce(
      ProviderType type, @TempDir Path dir) throws IOException {
    ProviderBatchApi small = api(type, KEY, new BatchLimits(4, SERVER_MAX_BYTES));
    List<ProviderBatch> created = new ArrayList<>();
    BatchFile file = small.newFile(dir.resolve("0"));
    for (int i = 0; i < 10; i++) {
      BatchRequest request = item("r" + i, "[sim:batch-time=300ms] Question " + i);
      if (!file.add(request)) {
        created.add(join(small.create(file)));
        file = small.newFile(dir.resolve(String.valueOf(created.size())));
        assertThat(file.add(request)).isTrue();
      }
    }
    created.add(join(small.create(file)));

    assertThat(created).extracting(ProviderBatch::total).containsExactly(4, 4, 2);
    Map<String, BatchResult> all = new ConcurrentHashMap<>();
    for (ProviderBatch batch : created) {
      results(small, ended(small, batch)).forEach((id, r) -> assertThat(all.put(id, r)).isNull());
    }
    assertThat(all.keySet())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 10).mapToObj(i -> "r" + i).toList());
    assertThat(all.values()).allMatch(r -> r.outcome() == Outcome.SUCCEEDED);
  }

  @BothProviders
  void aBatchIsFoundByTheKeyItWasCreatedWithWhereTheProviderKeepsMarks(
      ProviderType type, @TempDir Path dir) throws IOException {
    ProviderBatchApi api = api(type, KEY);
    Instant before = Instant.now().minusSeconds(60);
    String key = UUID.randomUUID().toString();
    BatchFile file = api.newFile(dir.resolve("keyed.jsonl"));
    file.add(item("keyed", "Hello"));
    ProviderBatch made = join(api.create(file, key));
    // Newer batches, unmarked, come first in the list: two pages of them with pages of two.
    for (int i = 0; i < 3; i++) {
      join(api.create(List.of(item("later" + i, "Hello"))));
    }
    ProviderBatchApi smallPages =
        type == ProviderType.OPENAI
            ? new OpenAiBatchApi(
                settings(type, KEY),
                HttpClients.forProvider(settings(type, KEY), RUNTIME),
                BatchLimits.OPENAI,
                2)
            : api;

    Optional<ProviderBatch> found = join(smallPages.createdWith(key, before));

    if (type == ProviderType.OPENAI) {
      assertThat(found).map(ProviderBatch::id).contains(made.id());
      assertThat(found.get().total()).isEqualTo(1);
      assertThat(join(smallPages.createdWith(UUID.randomUUID().toString(), before))).isEmpty();
      // Batches older than where the search starts are not looked through.
      assertThat(join(smallPages.createdWith(key, Instant.now().plusSeconds(3_600)))).isEmpty();
    } else {
      // Anthropic's batches carry no caller's marks: a lost creation cannot be found.
      assertThat(found).isEmpty();
    }
  }

  @Test
  void anOpenAiBatchWhoseCreationWasAnsweredWithAnErrorIsFoundByItsKey(@TempDir Path dir)
      throws IOException {
    ProviderBatchApi api = api(ProviderType.OPENAI, KEY);
    Instant before = Instant.now().minusSeconds(60);
    String key = UUID.randomUUID().toString();
    BatchFile file = api.newFile(dir.resolve("lost.jsonl"));
    file.add(item("lost", "[sim:batch-answer-lost batch-time=300ms] Hello"));

    LlmException lost = failure(api.create(file, key));
    Optional<ProviderBatch> found = join(api.createdWith(key, before));

    assertThat(lost.kind()).isEqualTo(LlmErrorKind.SERVER_ERROR);
    assertThat(found).isPresent();
    Map<String, BatchResult> results = results(api, ended(api, found.get()));
    assertThat(results).containsOnlyKeys("lost");
    assertThat(results.get("lost").outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @BothProviders
  void whatTheProviderRefusesIsAnInvalidRequest(ProviderType type) {
    String tooBig = "x".repeat((int) SERVER_MAX_BYTES + 1);

    LlmException refused = failure(api(type, KEY).create(List.of(item("big", tooBig))));

    assertThat(refused.kind()).isEqualTo(LlmErrorKind.INVALID_REQUEST);
    assertThat(refused.httpStatus()).isIn(400, 413);
  }

  @BothProviders
  void aWrongKeyIsAnAuthenticationFailureThatDoesNotShowTheKey(ProviderType type) {
    String wrong = "sk-wrong-batch-key-9876543210";
    ProviderBatchApi api = api(type, wrong);

    LlmException create = failure(api.create(List.of(item("a", "Hello"))));
    ProviderBatch someBatch = ProviderBatch.fromJson(snapshotJson(type));
    LlmException status = failure(api.status(someBatch));

    for (LlmException e : List.of(create, status)) {
      assertThat(e.kind()).isEqualTo(LlmErrorKind.AUTHENTICATION);
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(KEY);
      assertThat(e.toString()).doesNotContain(wrong);
    }
  }

  @BothProviders
  void aLongResultsStreamArrivesOneResultAtATime(ProviderType type) {
    int count = 2_000;
    ProviderBatchApi api = api(type, KEY);
    List<BatchRequest> requests = new ArrayList<>(count);
    requests.add(item("n0", "[sim:batch-time=500ms] Hello"));
    IntStream.range(1, count).forEach(i -> requests.add(item("n" + i, "Hello " + i)));
    ProviderBatch done = ended(api, join(api.create(requests)));
    assertThat(done.succeeded()).isEqualTo(count);

    AtomicInteger seen = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    BitSet ids = new BitSet(count);
    join(
        api.results(
            done,
            r -> {
              seen.incrementAndGet();
              ids.set(Integer.parseInt(r.customId().substring(1)));
              if (r.outcome() == Outcome.SUCCEEDED && r.result().usage().outputTokens() == 12) {
                answered.incrementAndGet();
              }
            }));

    assertThat(seen).hasValue(count);
    assertThat(answered).hasValue(count);
    assertThat(ids.cardinality()).isEqualTo(count);
  }

  @BothProviders
  void whatTheConsumerThrowsEndsTheResultsStream(ProviderType type) {
    ProviderBatchApi api = api(type, KEY);
    ProviderBatch done =
        run(api, item("a", "[sim:batch-time=200ms] Hello"), item("b", "Hello"), item("c", "Hello"));

    AtomicInteger calls = new AtomicInteger();
    IllegalStateException stop = new IllegalStateException("stop here");

    CompletionStage<Void> stage =
        api.results(
            done,
            r -> {
              calls.incrementAndGet();
              throw stop;
            });

    assertThatThrownBy(() -> join(stage)).hasCause(stop);
    assertThat(calls).hasValue(1);
    assertThatThrownBy(() -> api.results(join(api.create(List.of(item("x", "Hi")))), r -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has not ended");
  }

  private static ProviderBatchApi api(ProviderType type, String key) {
    return api(type, key, null);
  }

  private static ProviderBatchApi api(ProviderType type, String key, BatchLimits limits) {
    ProviderSettings settings = settings(type, key);
    var client = HttpClients.forProvider(settings, RUNTIME);
    if (limits == null) {
      return ProviderBatchApis.forProvider(settings, client).orElseThrow();
    }
    return type == ProviderType.OPENAI
        ? new OpenAiBatchApi(settings, client, limits)
        : new AnthropicBatchApi(settings, client, limits);
  }

  private static ProviderSettings settings(ProviderType type, String key) {
    return ProviderSettings.defaults(
        "sim-" + type, type, URI.create(simulator.baseUrl() + "/v1"), key);
  }

  /** The simulator's streamed answer to the same prompt, through the chat adapter. */
  private static ChatResult stream(ProviderType type, String text) {
    LlmProvider provider =
        type == ProviderType.OPENAI
            ? new OpenAiProvider(settings(type, KEY), RUNTIME)
            : new AnthropicProvider(settings(type, KEY), RUNTIME);
    return join(provider.stream(request(text), x -> {}).result());
  }

  /** Creates a batch of the requests and waits for it to end. */
  private static ProviderBatch run(ProviderBatchApi api, BatchRequest... requests) {
    return ended(api, join(api.create(List.of(requests))));
  }

  private static ProviderBatch ended(ProviderBatchApi api, ProviderBatch batch) {
    return Poll.until(
        () -> Optional.of(join(api.status(batch))).filter(b -> b.status().ended()),
        () -> "batch " + batch.id() + " to end");
  }

  private static Map<String, BatchResult> results(ProviderBatchApi api, ProviderBatch batch) {
    Map<String, BatchResult> results = new ConcurrentHashMap<>();
    join(
        api.results(
            batch,
            r ->
                assertThat(results.put(r.customId(), r))
                    .as("a second result for " + r.customId())
                    .isNull()));
    return results;
  }

  private static Map<String, Outcome> outcomes(Map<String, BatchResult> results) {
    return results.values().stream()
        .collect(Collectors.toMap(BatchResult::customId, BatchResult::outcome));
  }

  private static String snapshotJson(ProviderType type) {
    return "{\"type\":\"" + type + "\",\"id\":\"batch_nope\",\"status\":\"IN_PROGRESS\"}";
  }

  private static BatchRequest item(String id, String text) {
    return new BatchRequest(id, request(text));
  }

  private static ChatRequest request(String text) {
    return ChatRequest.of("sim-large", List.of(ChatMessage.user(text)));
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static LlmException failure(CompletionStage<?> stage) {
    try {
      Object unexpected = join(stage);
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(LlmException.class);
      return (LlmException) e.getCause();
    }
  }
}
