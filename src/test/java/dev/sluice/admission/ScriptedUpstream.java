package dev.sluice.admission;

import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatStream;
import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamListener;
import dev.sluice.llm.Usage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A provider layer for tests: each call gets a real {@link StreamAccumulator}, driven by the next
 * scripted step (answer, fail) or left open for the test to drive. Records every call.
 */
final class ScriptedUpstream implements BiFunction<ChatRequest, StreamListener, ChatStream> {

  /** One call as the upstream saw it. */
  record Call(String model, long atNanos, StreamAccumulator stream, boolean[] cancelled) {}

  private final Deque<Consumer<StreamAccumulator>> script = new ArrayDeque<>();
  private final LongSupplier nanoTime;
  final List<Call> calls = new ArrayList<>();

  ScriptedUpstream(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  ScriptedUpstream answers(String text, Usage usage) {
    script.add(
        s -> {
          s.delta(text);
          s.usage(usage);
          s.complete();
        });
    return this;
  }

  ScriptedUpstream fails(LlmErrorKind kind) {
    return fails(kind, null);
  }

  ScriptedUpstream fails(LlmErrorKind kind, Instant notBefore) {
    script.add(s -> s.fail(error(kind, notBefore)));
    return this;
  }

  /** The next call stays open; the test drives its stream. */
  ScriptedUpstream opens() {
    script.add(s -> {});
    return this;
  }

  static LlmException error(LlmErrorKind kind, Instant notBefore) {
    return LlmException.builder(kind, "scripted " + kind).notBefore(notBefore).build();
  }

  @Override
  public ChatStream apply(ChatRequest request, StreamListener listener) {
    StreamAccumulator stream =
        new StreamAccumulator("p-" + request.model(), request, listener, nanoTime);
    boolean[] cancelled = new boolean[1];
    stream.onCancel(() -> cancelled[0] = true);
    calls.add(new Call(request.model(), nanoTime.getAsLong(), stream, cancelled));
    Consumer<StreamAccumulator> step = script.poll();
    if (step == null) {
      throw new AssertionError("unscripted call to " + request.model());
    }
    step.accept(stream);
    return stream;
  }

  List<String> models() {
    return calls.stream().map(Call::model).toList();
  }
}
