package dev.sluice.llm.openai;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.http.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * Writes a {@link ChatRequest} as the JSON body of a Chat Completions call: streamed for the
 * adapter, whole for a line of a batch input file.
 */
public final class OpenAiRequestWriter {

  private OpenAiRequestWriter() {}

  public static String write(ChatRequest request) {
    return JsonSupport.write(toJson(request));
  }

  static JsonObject toJson(ChatRequest request) {
    return fields(request)
        .add("stream", true)
        .add("stream_options", JsonSupport.object().add("include_usage", true))
        .build();
  }

  /** The body of a call answered whole, not streamed: what a batch input file line carries. */
  public static JsonObject unstreamed(ChatRequest request) {
    return fields(request).build();
  }

  private static JsonObjectBuilder fields(ChatRequest request) {
    JsonArrayBuilder messages = JsonSupport.array();
    request.messages().forEach(m -> messages.add(message(m)));
    JsonObjectBuilder body =
        JsonSupport.object().add("model", request.model()).add("messages", messages);
    if (request.temperature() != null) {
      body.add("temperature", request.temperature());
    }
    if (request.maxOutputTokens() != null) {
      body.add("max_tokens", request.maxOutputTokens());
    }
    if (!request.stop().isEmpty()) {
      JsonArrayBuilder stop = JsonSupport.array();
      request.stop().forEach(stop::add);
      body.add("stop", stop);
    }
    if (request.jsonOutput()) {
      body.add("response_format", JsonSupport.object().add("type", "json_object"));
    }
    return body;
  }

  private static JsonObjectBuilder message(ChatMessage message) {
    JsonObjectBuilder json =
        JsonSupport.object().add("role", message.role().name().toLowerCase(Locale.ROOT));
    if (message.images().isEmpty()) {
      return json.add("content", message.text());
    }
    JsonArrayBuilder parts = JsonSupport.array();
    for (ContentPart part : message.parts()) {
      parts.add(part(part));
    }
    return json.add("content", parts);
  }

  private static JsonObjectBuilder part(ContentPart part) {
    if (part instanceof ContentPart.Image image) {
      String url = "data:" + image.mediaType() + ";base64," + image.base64Data();
      return JsonSupport.object()
          .add("type", "image_url")
          .add("image_url", JsonSupport.object().add("url", url));
    }
    return JsonSupport.object().add("type", "text").add("text", ((ContentPart.Text) part).text());
  }
}
