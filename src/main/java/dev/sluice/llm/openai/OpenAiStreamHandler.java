package dev.sluice.llm.openai;

import dev.sluice.llm.FinishReason;
import dev.sluice.llm.StreamAccumulator;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.HttpErrorClassifier;
import dev.sluice.llm.http.JsonSupport;
import dev.sluice.llm.http.SseEvent;
import dev.sluice.llm.http.SseStreamHandler;
import jakarta.json.JsonObject;

/**
 * Reads a Chat Completions stream: {@code chat.completion.chunk} objects with text deltas and a
 * finish reason, a last chunk with usage, and {@code data: [DONE]}. Servers that omit usage or
 * {@code [DONE]} but end cleanly after a finish reason still complete.
 */
public final class OpenAiStreamHandler extends SseStreamHandler {

  private boolean finishSeen;

  public OpenAiStreamHandler(StreamAccumulator accumulator, HttpErrorClassifier classifier) {
    super(accumulator, classifier);
  }

  @Override
  public void onEvent(SseEvent event) {
    String data = event.data().strip();
    if (data.equals("[DONE]")) {
      accumulator.complete();
      return;
    }
    JsonObject chunk;
    try {
      chunk = JsonSupport.parseObject(data);
    } catch (RuntimeException malformed) {
      throw classifier.malformedEvent(malformed);
    }
    if (chunk.containsKey("error") && !chunk.isNull("error")) {
      throw classifier.fromStreamEvent(chunk);
    }
    chunk(chunk);
  }

  private void chunk(JsonObject chunk) {
    if (accumulator.requestId() == null) {
      accumulator.requestId(JsonSupport.string(chunk, "id"));
    }
    accumulator.answeredBy(JsonSupport.string(chunk, "model"));
    JsonObject choice = JsonSupport.firstOf(chunk, "choices");
    if (choice != null) {
      accumulator.delta(JsonSupport.string(JsonSupport.child(choice, "delta"), "content"));
      String reason = JsonSupport.string(choice, "finish_reason");
      if (reason != null) {
        finishSeen = true;
        accumulator.finish(finishReason(reason));
      }
    }
    JsonObject usage = JsonSupport.child(chunk, "usage");
    if (usage != null) {
      accumulator.usage(usage(usage));
    }
  }

  static Usage usage(JsonObject usage) {
    long input = JsonSupport.count(usage, "prompt_tokens");
    long cached =
        JsonSupport.count(JsonSupport.child(usage, "prompt_tokens_details"), "cached_tokens");
    return new Usage(input, JsonSupport.count(usage, "completion_tokens"), Math.min(input, cached));
  }

  static FinishReason finishReason(String reason) {
    return switch (reason) {
      case "stop" -> FinishReason.STOP;
      case "length" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      case "tool_calls", "function_call" -> FinishReason.TOOL_USE;
      default -> FinishReason.OTHER;
    };
  }

  @Override
  protected boolean answerComplete() {
    return finishSeen;
  }
}
