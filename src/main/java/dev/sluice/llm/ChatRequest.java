package dev.sluice.llm;

import java.util.List;
import java.util.Objects;

/**
 * What Sluice asks a model for. Optional settings are {@code null} when the provider's default
 * should apply.
 *
 * @param model the catalog id of the model to ask
 * @param messages the conversation, oldest first; system messages may appear anywhere but adapters
 *     for providers with a separate system field gather them
 * @param temperature sampling temperature, or {@code null}
 * @param maxOutputTokens cap on generated tokens, or {@code null} for the model's default
 * @param stop stop sequences (possibly empty)
 * @param jsonOutput ask the provider for a JSON object as the answer
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxOutputTokens,
    List<String> stop,
    boolean jsonOutput) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    stop = stop == null ? List.of() : List.copyOf(stop);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one message");
    }
    if (maxOutputTokens != null && maxOutputTokens <= 0) {
      throw new IllegalArgumentException("maxOutputTokens must be positive");
    }
  }

  public static ChatRequest of(String model, List<ChatMessage> messages) {
    return new ChatRequest(model, messages, null, null, List.of(), false);
  }

  public ChatRequest withModel(String otherModel) {
    return new ChatRequest(otherModel, messages, temperature, maxOutputTokens, stop, jsonOutput);
  }

  public ChatRequest withTemperature(Double value) {
    return new ChatRequest(model, messages, value, maxOutputTokens, stop, jsonOutput);
  }

  public ChatRequest withMaxOutputTokens(Integer value) {
    return new ChatRequest(model, messages, temperature, value, stop, jsonOutput);
  }

  public ChatRequest withStop(List<String> value) {
    return new ChatRequest(model, messages, temperature, maxOutputTokens, value, jsonOutput);
  }

  public ChatRequest withJsonOutput(boolean value) {
    return new ChatRequest(model, messages, temperature, maxOutputTokens, stop, value);
  }

  /** The text of the last user message, or an empty string. */
  public String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        return messages.get(i).text();
      }
    }
    return "";
  }
}
