package dev.sluice.llm.anthropic;

import dev.sluice.llm.FinishReason;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.http.SseEvent;
import dev.sluice.llm.http.SseStreamHandler;
import jakarta.json.JsonObject;

/**
 * Reads a Messages stream: {@code message_start} (id, model, input usage), text deltas of content
 * blocks, {@code message_delta} (stop reason, output usage), {@code message_stop}; {@code ping} and
 * unknown events are skipped, {@code error} fails the stream.
 */
public final class AnthropicStreamHandler extends SseStreamHandler {

  public AnthropicStreamHandler(StreamAccumulator accumulator, HttpErrorClassifier classifier) {
    super(accumulator, classifier);
  }

  @Override
  public void onEvent(SseEvent event) {
    JsonObject data;
    try {
      data = JsonSupport.parseObject(event.data());
    } catch (RuntimeException malformed) {
      throw classifier.malformedEvent(malformed);
    }
    String type = JsonSupport.string(data, "type");
    switch (type != null ? type : event.event()) {
      case "message_start" -> start(JsonSupport.child(data, "message"));
      case "content_block_delta" -> delta(JsonSupport.child(data, "delta"));
      case "message_delta" -> messageDelta(data);
      case "message_stop" -> accumulator.complete();
      case "error" -> throw classifier.fromStreamEvent(data);
      default -> {
        // ping, content_block_start/stop, and event types added after this was written.
      }
    }
  }

  private void start(JsonObject message) {
    if (message == null) {
      return;
    }
    if (accumulator.requestId() == null) {
      accumulator.requestId(JsonSupport.string(message, "id"));
    }
    accumulator.answeredBy(JsonSupport.string(message, "model"));
    JsonObject usage = JsonSupport.child(message, "usage");
    if (usage != null) {
      accumulator.usage(usage(usage));
    }
  }

  private void delta(JsonObject delta) {
    if ("text_delta".equals(JsonSupport.string(delta, "type"))) {
      accumulator.delta(JsonSupport.string(delta, "text"));
    }
  }

  private void messageDelta(JsonObject data) {
    String reason = JsonSupport.string(JsonSupport.child(data, "delta"), "stop_reason");
    if (reason != null) {
      accumulator.finish(finishReason(reason));
    }
    JsonObject usage = JsonSupport.child(data, "usage");
    if (usage != null) {
      accumulator.usage(usage(usage));
    }
  }

  /**
   * Anthropic counts cached prompt tokens apart from input_tokens; Sluice's input includes them.
   * The sum stops at Long.MAX_VALUE: wrapped to a negative count, an absurd report would throw from
   * {@link Usage} instead of feeding the stream.
   */
  static Usage usage(JsonObject usage) {
    long cacheRead = JsonSupport.count(usage, "cache_read_input_tokens");
    long input =
        sum(
            JsonSupport.count(usage, "input_tokens"),
            cacheRead,
            JsonSupport.count(usage, "cache_creation_input_tokens"));
    return new Usage(input, JsonSupport.count(usage, "output_tokens"), cacheRead);
  }

  /** The sum of non-negative counts, Long.MAX_VALUE when it would not fit. */
  private static long sum(long... counts) {
    long total = 0;
    for (long count : counts) {
      total = count > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + count;
    }
    return total;
  }

  static FinishReason finishReason(String reason) {
    return switch (reason) {
      case "end_turn" -> FinishReason.STOP;
      case "max_tokens" -> FinishReason.LENGTH;
      case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
      case "tool_use" -> FinishReason.TOOL_USE;
      case "refusal" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }
}
