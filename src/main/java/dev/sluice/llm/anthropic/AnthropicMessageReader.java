package dev.sluice.llm.anthropic;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Reads a whole, not streamed, Messages answer (a {@code message} object, as a message batch's
 * results carry it) with the stream handler's reading of usage and stop reason.
 */
public final class AnthropicMessageReader {

  private AnthropicMessageReader() {}

  /**
   * The answer as a result: the text of its text blocks, joined.
   *
   * @param message the {@code message} object
   * @param provider the configured provider name
   * @throws IllegalArgumentException when the object holds no content
   */
  public static ChatResult read(JsonObject message, String provider) {
    if (message == null || !(message.get("content") instanceof JsonArray blocks)) {
      throw new IllegalArgumentException("a message without content");
    }
    StringBuilder text = new StringBuilder();
    for (JsonValue block : blocks) {
      String part = block instanceof JsonObject b ? JsonSupport.string(b, "text") : null;
      if (part != null && "text".equals(JsonSupport.string((JsonObject) block, "type"))) {
        text.append(part);
      }
    }
    String reason = JsonSupport.string(message, "stop_reason");
    JsonObject usage = JsonSupport.child(message, "usage");
    return ChatResult.unstreamed(
        text.toString(),
        usage == null ? Usage.NONE : AnthropicStreamHandler.usage(usage),
        reason == null ? FinishReason.STOP : AnthropicStreamHandler.finishReason(reason),
        JsonSupport.string(message, "model"),
        provider,
        JsonSupport.string(message, "id"));
  }
}
