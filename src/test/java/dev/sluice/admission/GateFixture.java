package dev.sluice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A gate wired to fakes on manual time: three models on three providers and lanes, {@code gpt-4o}
 * falling back to {@code gpt-4o-mini} then {@code claude-haiku-4-5}; three attempts per model, 1 s
 * doubling, no jitter, a 60 s deadline.
 */
final class GateFixture {

  static final String GPT = "gpt-4o";
  static final String MINI = "gpt-4o-mini";
  static final String HAIKU = "claude-haiku-4-5";

  final ManualTime time = new ManualTime();
  final Map<String, FakeLane> lanes =
      Map.of(
          GPT,
          new FakeLane("openai"),
          MINI,
          new FakeLane("azure"),
          HAIKU,
          new FakeLane("anthropic"));
  final Map<String, String> providers = Map.of(GPT, "openai", MINI, "azure", HAIKU, "anthropic");
  final ScriptedUpstream upstream = new ScriptedUpstream(time::nanoTime);
  final ProviderBreakers breakers =
      new ProviderBreakers(
          new BreakerSettings(50f, Duration.ofSeconds(10), 4, Duration.ofSeconds(30), 1),
          time.wallClock());
  final List<StreamEvent> events = new ArrayList<>();
  final Gate gate;

  GateFixture() {
    this(
        new RetryPolicy(
            3, Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 0, Duration.ofSeconds(60)));
  }

  GateFixture(RetryPolicy policy) {
    gate =
        new Gate(
            lanes::get,
            providers::get,
            upstream,
            breakers,
            new FallbackChain(Map.of(GPT, List.of(MINI, HAIKU))),
            policy,
            time,
            time::nanoTime,
            time.wallClock(),
            new SplittableRandom(1));
  }

  FakeLane lane(String model) {
    return lanes.get(model);
  }

  GatedStream call(String model) {
    return gate.stream(
        ChatRequest.of(model, List.of(ChatMessage.user("hello there"))),
        Priority.NORMAL,
        events::add);
  }

  static ChatResult answer(GatedStream stream) {
    CompletableFuture<ChatResult> f = stream.result().toCompletableFuture();
    assertThat(f).isCompleted();
    return f.join();
  }

  static LlmException failure(GatedStream stream) {
    CompletableFuture<ChatResult> f = stream.result().toCompletableFuture();
    assertThat(f).isCompletedExceptionally();
    try {
      f.join();
    } catch (CompletionException e) {
      return (LlmException) e.getCause();
    }
    throw new AssertionError("not failed");
  }

  /** Every lane: no permit outstanding, none released twice. */
  void assertEveryPermitReleasedOnce() {
    lanes
        .values()
        .forEach(
            lane -> {
              assertThat(lane.permitsOutstanding()).as(lane.name() + " outstanding").isZero();
              assertThat(lane.permitsReleasedTwice()).as(lane.name() + " released twice").isZero();
            });
  }

  List<StreamEvent.Failed> failedEvents() {
    return events.stream()
        .filter(StreamEvent.Failed.class::isInstance)
        .map(StreamEvent.Failed.class::cast)
        .toList();
  }
}
