package dev.sluice.llm.http;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ChatResult;
import dev.sluice.llm.LlmException;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.StreamEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/** Replays a transcript through a body subscriber into a wire handler, as the engine would. */
public final class HandlerReplay {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  public static final ChatRequest REQUEST =
      ChatRequest.of("test-model", List.of(ChatMessage.user("hi")));

  /** What one replay produced. */
  public record Outcome(
      ChatResult result, LlmException error, boolean cancelled, List<StreamEvent> events) {

    public String text() {
      StringBuilder out = new StringBuilder();
      events.stream()
          .filter(StreamEvent.TextDelta.class::isInstance)
          .forEach(e -> out.append(((StreamEvent.TextDelta) e).text()));
      return out.toString();
    }
  }

  private HandlerReplay() {}

  public static Outcome replay(
      BiFunction<StreamAccumulator, HttpErrorClassifier, SseStreamHandler> handlers,
      List<byte[]> pieces) {
    List<StreamEvent> events = new ArrayList<>();
    StreamAccumulator accumulator = new StreamAccumulator("test", REQUEST, events::add);
    HttpErrorClassifier classifier =
        new HttpErrorClassifier("test", REQUEST.model(), CLOCK, SecretRedactor.of());
    SseBodySubscriber subscriber =
        new SseBodySubscriber(accumulator, handlers.apply(accumulator, classifier), classifier);
    boolean cancelled = Transcripts.replay(subscriber, pieces);
    CompletableFuture<ChatResult> result = accumulator.result().toCompletableFuture();
    if (!result.isDone()) {
      throw new AssertionError("stream neither completed nor failed");
    }
    try {
      return new Outcome(result.join(), null, cancelled, events);
    } catch (CompletionException failed) {
      return new Outcome(null, (LlmException) failed.getCause(), cancelled, events);
    }
  }
}
