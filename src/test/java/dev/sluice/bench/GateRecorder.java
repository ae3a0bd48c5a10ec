package dev.sluice.bench;

import dev.sluice.admission.Priority;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.LlmProvider;
import dev.sluice.llm.StreamListener;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sits between the gate and the provider: records when each request left, the tokens it really
 * used, every Retry-After window the client learned of, and how long each call waited in the gate
 * before its first send, by priority.
 */
final class GateRecorder {

  /** One request that left the gate: when, and the tokens it used (0 if it failed). */
  static final class Send {
    final long nanos;
    volatile long tokens;

    Send(long nanos) {
      this.nanos = nanos;
    }
  }

  private final LlmProvider provider;
  private final Clock clock;
  final long startNanos = System.nanoTime();
  volatile long stopNanos = Long.MAX_VALUE;
  final List<Send> sends = new CopyOnWriteArrayList<>();
  final List<long[]> retryAfterWindows = new CopyOnWriteArrayList<>();
  final AtomicLong completed = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  final AtomicLong submitted = new AtomicLong();
  final Map<Priority, LatencyHistogram> waits = new EnumMap<>(Priority.class);
  private final Map<String, long[]> pending = new ConcurrentHashMap<>();

  GateRecorder(LlmProvider provider, Clock clock) {
    this.provider = provider;
    this.clock = clock;
    for (Priority p : List.of(Priority.HIGH, Priority.NORMAL, Priority.BATCH)) {
      waits.put(p, new LatencyHistogram());
    }
  }

  void submitted(String prompt, Priority priority) {
    submitted.incrementAndGet();
    pending.put(prompt, new long[] {System.nanoTime(), priority.ordinal()});
  }

  void stop() {
    stopNanos = System.nanoTime();
  }

  ChatStream send(ChatRequest request, StreamListener listener) {
    long now = System.nanoTime();
    Send send = new Send(now);
    sends.add(send);
    long[] first = pending.remove(request.lastUserText());
    if (first != null) {
      waits.get(Priority.values()[(int) first[1]]).record(now - first[0]);
    }
    ChatStream stream = provider.stream(request, listener);
    stream
        .result()
        .whenComplete(
            (result, failure) -> {
              if (result != null) {
                send.tokens = result.usage().totalTokens();
                completed.incrementAndGet();
              } else {
                noteFailure(failure instanceof CompletionException c ? c.getCause() : failure);
              }
            });
    return stream;
  }

  private void noteFailure(Throwable failure) {
    if (failure instanceof LlmException e && e.kind() == LlmErrorKind.RATE_LIMITED) {
      rateLimited.incrementAndGet();
      long learned = System.nanoTime();
      long until = learned + Duration.between(clock.instant(), e.notBefore()).toNanos();
      retryAfterWindows.add(new long[] {learned, until});
    }
  }
}
