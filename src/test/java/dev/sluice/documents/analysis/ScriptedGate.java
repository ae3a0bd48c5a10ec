package dev.sluice.documents.analysis;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.CallOrigin;
import dev.sluice.admission.GatedStream;
import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.RateLimitSnapshot;
import dev.sluice.llm.TokenCounter;
import dev.sluice.llm.Usage;
import dev.sluice.llm.simulated.SimulationPlan;
import dev.sluice.llm.simulated.SimulatorSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A gate for tests: each call is answered by the next scripted reply, else as the simulated
 * provider would answer it (its text, its JSON mode, its fault directives), at once. Every answer
 * costs {@link #COST} and reports the tokens the simulated provider would. Records every request.
 */
final class ScriptedGate implements GatedCalls {

  static final BigDecimal COST = new BigDecimal("0.001");

  /** How one call ends. */
  interface Reply extends Function<ChatRequest, GatedStream> {}

  final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
  final List<Priority> priorities = Collections.synchronizedList(new ArrayList<>());
  final List<ChatResult> answers = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Reply> script = new ArrayDeque<>();
  private final SimulatorSettings simulator = SimulatorSettings.defaults();
  private long ordinal;

  ScriptedGate then(Reply reply) {
    script.add(reply);
    return this;
  }

  @Override
  public GatedStream start(ChatRequest request, Priority priority, CallOrigin origin) {
    Reply reply;
    long n;
    synchronized (this) {
      requests.add(request);
      priorities.add(priority);
      reply = script.poll();
      n = ++ordinal;
    }
    GatedStream stream = reply != null ? reply.apply(request) : simulated(request, n);
    stream.result().thenAccept(answers::add);
    return stream;
  }

  synchronized int calls() {
    return requests.size();
  }

  /** Input plus output tokens of every answered call. */
  long tokensAnswered() {
    synchronized (answers) {
      return answers.stream().mapToLong(r -> r.usage().totalTokens()).sum();
    }
  }

  private GatedStream simulated(ChatRequest request, long n) {
    SimulationPlan plan = SimulationPlan.of(simulator, request, n);
    return switch (plan.fault()) {
      case NONE, SLOW_FIRST_TOKEN -> answer(plan.text()).apply(request);
      case RATE_LIMITED ->
          fails(LlmErrorKind.RATE_LIMITED, "simulated rate limit", 4).apply(request);
      default -> fails(LlmErrorKind.SERVER_ERROR, "simulated server error", 4).apply(request);
    };
  }

  /** Answers with this text. */
  static Reply answer(String text) {
    return request ->
        new Done(
            CompletableFuture.completedFuture(result(request, text)),
            List.of(attempt(request, Attempt.Outcome.ADMITTED_COMPLETED, null)));
  }

  /** Fails with this error after {@code tries} attempts, as the gate does when retries run out. */
  static Reply fails(LlmErrorKind kind, String message, int tries) {
    return request -> {
      List<Attempt> attempts = new ArrayList<>();
      for (int i = 0; i < tries; i++) {
        attempts.add(attempt(request, Attempt.Outcome.FAILED, kind));
      }
      LlmException error = LlmException.builder(kind, message).model(request.model()).build();
      return new Done(CompletableFuture.failedFuture(error), attempts);
    };
  }

  /** Never answers until the test completes the returned future. */
  static Reply opens(CompletableFuture<ChatResult> result) {
    return request -> new Done(result, List.of());
  }

  static ChatResult result(ChatRequest request, String text) {
    TokenCounter counter = TokenCounter.instance();
    return new ChatResult(
        text,
        new Usage(counter.countPrompt(request), counter.count(text), 0),
        FinishReason.STOP,
        request.model(),
        request.model(),
        "scripted",
        null,
        Duration.ZERO,
        Duration.ZERO,
        COST,
        RateLimitSnapshot.NONE);
  }

  private static Attempt attempt(ChatRequest r, Attempt.Outcome outcome, LlmErrorKind kind) {
    return new Attempt(
        r.model(),
        "scripted",
        "scripted",
        outcome,
        kind,
        Duration.ZERO,
        Duration.ZERO,
        Instant.EPOCH);
  }

  /** A gated call that has ended (or ends when its future does). */
  record Done(CompletionStage<ChatResult> result, List<Attempt> attempts) implements GatedStream {
    @Override
    public void cancel() {}

    @Override
    public boolean dropped() {
      return false;
    }
  }
}
