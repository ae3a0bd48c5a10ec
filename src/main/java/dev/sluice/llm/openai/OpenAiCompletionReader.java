package dev.sluice.llm.openai;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.FinishReason;
import dev.sluice.llm.Usage;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonObject;

/**
 * Reads a whole, not streamed, Chat Completions answer (a {@code chat.completion} object, as a
 * batch output file carries it) with the stream handler's reading of usage and finish reason.
 */
public final class OpenAiCompletionReader {

  private OpenAiCompletionReader() {}

  /**
   * The answer as a result.
   *
   * @param completion the {@code chat.completion} object
   * @param provider the configured provider name
   * @param requestId the provider's id for the request, or null to use the completion's id
   * @throws IllegalArgumentException when the object holds no choice
   */
  public static ChatResult read(JsonObject completion, String provider, String requestId) {
    JsonObject choice = JsonSupport.firstOf(completion, "choices");
    if (choice == null) {
      throw new IllegalArgumentException("a chat completion without choices");
    }
    String text = JsonSupport.string(JsonSupport.child(choice, "message"), "content");
    String reason = JsonSupport.string(choice, "finish_reason");
    JsonObject usage = JsonSupport.child(completion, "usage");
    return ChatResult.unstreamed(
        text == null ? "" : text,
        usage == null ? Usage.NONE : OpenAiStreamHandler.usage(usage),
        reason == null ? FinishReason.STOP : OpenAiStreamHandler.finishReason(reason),
        JsonSupport.string(completion, "model"),
        provider,
        requestId != null ? requestId : JsonSupport.string(completion, "id"));
  }
}
