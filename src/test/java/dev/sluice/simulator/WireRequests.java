package dev.sluice.simulator;

import dev.sluice.llm.ChatMessage;
import dev.sluice.llm.ChatRequest;
import dev.sluice.llm.ContentPart;
import dev.sluice.llm.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OpenAI Chat Completions and Anthropic Messages request bodies into Sluice's {@link
 * ChatRequest}, so both endpoints plan their answers the same way the in-process provider does. A
 * body the real API would refuse is an {@link IllegalArgumentException}.
 */
final class WireRequests {

  private WireRequests() {}

  static ChatRequest openAi(JsonObject body) {
    List<ChatMessage> messages = new ArrayList<>();
    for (Object m : required(body.getJsonArray("messages"), "messages")) {
      JsonObject message = (JsonObject) m;
      messages.add(new ChatMessage(openAiRole(message.getString("role")), openAiParts(message)));
    }
    Integer max = body.getInteger("max_completion_tokens", body.getInteger("max_tokens"));
    return new ChatRequest(
        required(body.getString("model"), "model"),
        messages,
        body.getDouble("temperature"),
        max,
        List.of(),
        "json_object"
            .equals(body.getJsonObject("response_format", new JsonObject()).getString("type")));
  }

  static ChatRequest anthropic(JsonObject body) {
    List<ChatMessage> messages = new ArrayList<>();
    Object system = body.getValue("system");
    if (system != null) {
      messages.add(new ChatMessage(Role.SYSTEM, anthropicParts(system)));
    }
    for (Object m : required(body.getJsonArray("messages"), "messages")) {
      JsonObject message = (JsonObject) m;
      Role role = "assistant".equals(message.getString("role")) ? Role.ASSISTANT : Role.USER;
      messages.add(new ChatMessage(role, anthropicParts(message.getValue("content"))));
    }
    return new ChatRequest(
        required(body.getString("model"), "model"),
        messages,
        body.getDouble("temperature"),
        required(body.getInteger("max_tokens"), "max_tokens"),
        List.of(),
        false);
  }

  private static Role openAiRole(String role) {
    return switch (required(role, "messages[].role")) {
      case "system", "developer" -> Role.SYSTEM;
      case "assistant" -> Role.ASSISTANT;
      default -> Role.USER;
    };
  }

  private static List<ContentPart> openAiParts(JsonObject message) {
    Object content = message.getValue("content");
    List<ContentPart> parts = new ArrayList<>();
    if (content instanceof JsonArray array) {
      for (Object p : array) {
        JsonObject part = (JsonObject) p;
        if ("image_url".equals(part.getString("type"))) {
          parts.add(dataUrlImage(part.getJsonObject("image_url").getString("url")));
        } else {
          parts.add(new ContentPart.Text(part.getString("text", "")));
        }
      }
    } else {
      parts.add(new ContentPart.Text(content == null ? "" : content.toString()));
    }
    return parts;
  }

  private static List<ContentPart> anthropicParts(Object content) {
    List<ContentPart> parts = new ArrayList<>();
    if (content instanceof JsonArray array) {
      for (Object b : array) {
        JsonObject block = (JsonObject) b;
        if ("image".equals(block.getString("type"))) {
          JsonObject source = block.getJsonObject("source");
          parts.add(
              new ContentPart.Image(source.getString("media_type"), source.getString("data")));
        } else {
          parts.add(new ContentPart.Text(block.getString("text", "")));
        }
      }
    } else {
      parts.add(new ContentPart.Text(content == null ? "" : content.toString()));
    }
    return parts.isEmpty() ? List.of(new ContentPart.Text("")) : parts;
  }

  /** {@code data:image/png;base64,AAAA}; a remote URL is kept as text, since nothing is fetched. */
  private static ContentPart dataUrlImage(String url) {
    int comma = url == null ? -1 : url.indexOf(',');
    if (url == null || !url.startsWith("data:") || comma < 0) {
      return new ContentPart.Text(url == null ? "" : url);
    }
    String mediaType = url.substring(5, comma).replace(";base64", "");
    return new ContentPart.Image(mediaType, url.substring(comma + 1));
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": Field required");
    }
    return value;
  }
}
