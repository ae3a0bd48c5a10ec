package dev.sluice.llm.anthropic;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.Role;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a {@link ChatRequest} as the JSON body of a Messages call (streamed for the adapter, whole
 * for a request of a message batch): system messages gathered into the top-level {@code system},
 * consecutive messages of one role merged (the API wants user and assistant to alternate), and
 * {@code max_tokens} always set, since it is required.
 */
public final class AnthropicRequestWriter {

  /** Anthropic has no JSON mode, so JSON output is asked for in words. */
  static final String JSON_INSTRUCTION =
      "Answer with one JSON object only: no prose before or after it, no code fences.";

  private AnthropicRequestWriter() {}

  public static String write(ChatRequest request, int defaultMaxTokens) {
    return JsonSupport.write(toJson(request, defaultMaxTokens));
  }

  static JsonObject toJson(ChatRequest request, int defaultMaxTokens) {
    return fields(request, defaultMaxTokens).add("stream", true).build();
  }

  /** The body of a call answered whole, not streamed: the {@code params} of a batch request. */
  public static JsonObject unstreamed(ChatRequest request, int defaultMaxTokens) {
    return fields(request, defaultMaxTokens).build();
  }

  private static JsonObjectBuilder fields(ChatRequest request, int defaultMaxTokens) {
    int maxTokens =
        request.maxOutputTokens() != null ? request.maxOutputTokens() : defaultMaxTokens;
    JsonObjectBuilder body =
        JsonSupport.object().add("model", request.model()).add("max_tokens", maxTokens);
    String system = system(request);
    if (!system.isEmpty()) {
      body.add("system", system);
    }
    JsonArrayBuilder messages = JsonSupport.array();
    merged(request.messages()).forEach(m -> messages.add(message(m)));
    body.add("messages", messages);
    if (request.temperature() != null) {
      body.add("temperature", request.temperature());
    }
    if (!request.stop().isEmpty()) {
      JsonArrayBuilder stop = JsonSupport.array();
      request.stop().forEach(stop::add);
      body.add("stop_sequences", stop);
    }
    return body;
  }

  private static String system(ChatRequest request) {
    List<String> parts =
        request.messages().stream()
            .filter(m -> m.role() == Role.SYSTEM)
            .map(ChatMessage::text)
            .filter(t -> !t.isBlank())
            .collect(Collectors.toCollection(ArrayList::new));
    if (request.jsonOutput()) {
      parts.add(JSON_INSTRUCTION);
    }
    return String.join("\n\n", parts);
  }

  static List<ChatMessage> merged(List<ChatMessage> messages) {
    List<ChatMessage> result = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (message.role() == Role.SYSTEM) {
        continue;
      }
      int last = result.size() - 1;
      if (last >= 0 && result.get(last).role() == message.role()) {
        List<ContentPart> parts = new ArrayList<>(result.get(last).parts());
        parts.addAll(message.parts());
        result.set(last, new ChatMessage(message.role(), parts));
      } else {
        result.add(message);
      }
    }
    return result;
  }

  private static JsonObjectBuilder message(ChatMessage message) {
    JsonArrayBuilder content = JsonSupport.array();
    message.parts().forEach(p -> content.add(block(p)));
    return JsonSupport.object()
        .add("role", message.role().name().toLowerCase(Locale.ROOT))
        .add("content", content);
  }

  private static JsonObjectBuilder block(ContentPart part) {
    if (part instanceof ContentPart.Image image) {
      JsonObjectBuilder source =
          JsonSupport.object()
              .add("type", "base64")
              .add("media_type", image.mediaType())
              .add("data", image.base64Data());
      return JsonSupport.object().add("type", "image").add("source", source);
    }
    return JsonSupport.object().add("type", "text").add("text", ((ContentPart.Text) part).text());
  }
}
