package dev.sluice.chat.relay;

import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.chat.events.CancelRequested;
import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The relay's events as JSON for the cluster bus, field by field with JSON-P: a chunk is the most
 * frequent message between the nodes, and binding it by reflection cost more than sending it. Each
 * event names its type ({@code t}); the receiver rebuilds the same record.
 */
final class RelayCodec {

  private RelayCodec() {}

  static JsonObject encode(Object event) {
    if (event instanceof AnswerChunk c) {
      return answer("chunk", c.chatId(), c.messageId())
          .add("sequence", c.sequence())
          .add("delta", c.delta())
          .build();
    }
    if (event instanceof AnswerStatus s) {
      return answer("status", s.chatId(), s.messageId()).add("status", s.status()).build();
    }
    if (event instanceof AnswerCompleted c) {
      JsonObjectBuilder b =
          answer("completed", c.chatId(), c.messageId())
              .add("lastSequence", c.lastSequence())
              .add("content", c.content())
              .add("inputTokens", c.inputTokens())
              .add("outputTokens", c.outputTokens())
              .add("cachedTokens", c.cachedTokens())
              .add("totalTimeMs", c.totalTimeMs());
      optional(b, "model", c.model());
      if (c.costUsd() != null) {
        b.add("costUsd", c.costUsd());
      }
      if (c.timeToFirstTokenMs() != null) {
        b.add("timeToFirstTokenMs", c.timeToFirstTokenMs());
      }
      return b.build();
    }
    if (event instanceof AnswerEnded e) {
      JsonObjectBuilder b =
          answer("ended", e.chatId(), e.messageId())
              .add("status", e.status())
              .add("lastSequence", e.lastSequence());
      optional(b, "errorCode", e.errorCode());
      optional(b, "reason", e.reason());
      optional(b, "partialContent", e.partialContent());
      return b.build();
    }
    if (event instanceof CancelRequested c) {
      return JsonFactories.BUILDERS
          .createObjectBuilder()
          .add("t", "cancel")
          .add("messageId", c.messageId())
          .add("claimed", c.claimed())
          .build();
    }
    throw new IllegalArgumentException("not relayed: " + event.getClass().getName());
  }

  static Object decode(JsonObject o) {
    return switch (o.getString("t")) {
      case "chunk" ->
          new AnswerChunk(
              o.getString("chatId"),
              o.getString("messageId"),
              o.getJsonNumber("sequence").longValue(),
              o.getString("delta"));
      case "status" ->
          new AnswerStatus(o.getString("chatId"), o.getString("messageId"), o.getString("status"));
      case "completed" ->
          new AnswerCompleted(
              o.getString("chatId"),
              o.getString("messageId"),
              o.getJsonNumber("lastSequence").longValue(),
              o.getString("content"),
              o.getString("model", null),
              o.getJsonNumber("inputTokens").longValue(),
              o.getJsonNumber("outputTokens").longValue(),
              o.getJsonNumber("cachedTokens").longValue(),
              o.containsKey("costUsd") ? o.getJsonNumber("costUsd").bigDecimalValue() : null,
              o.containsKey("timeToFirstTokenMs")
                  ? o.getJsonNumber("timeToFirstTokenMs").longValue()
                  : null,
              o.getJsonNumber("totalTimeMs").longValue());
      case "ended" ->
          new AnswerEnded(
              o.getString("chatId"),
              o.getString("messageId"),
              o.getString("status"),
              o.getJsonNumber("lastSequence").longValue(),
              o.getString("errorCode", null),
              o.getString("reason", null),
              o.getString("partialContent", null));
      case "cancel" -> new CancelRequested(o.getString("messageId"), o.getBoolean("claimed"));
      default -> throw new IllegalArgumentException("not a relayed event: " + o.getString("t"));
    };
  }

  private static JsonObjectBuilder answer(String type, String chatId, String messageId) {
    return JsonFactories.BUILDERS
        .createObjectBuilder()
        .add("t", type)
        .add("chatId", chatId)
        .add("messageId", messageId);
  }

  private static void optional(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
