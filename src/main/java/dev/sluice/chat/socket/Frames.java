package dev.sluice.chat.socket;

import dev.sluice.chat.ChatMessage;
import dev.sluice.chat.events.AnswerChunk;
import dev.sluice.chat.events.AnswerCompleted;
import dev.sluice.chat.events.AnswerEnded;
import dev.sluice.chat.events.AnswerStatus;
import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The JSON text of every frame the chat socket sends. */
final class Frames {

  private Frames() {}

  static String chunk(AnswerChunk chunk) {
    return type("chunk")
        .add("messageId", chunk.messageId())
        .add("seq", chunk.sequence())
        .add("delta", chunk.delta())
        .build()
        .toString();
  }

  /**
   * Several consecutive chunks as one frame ({@code fromSeq} to {@code seq}), for a replay too long
   * to queue chunk by chunk.
   */
  static String chunks(String messageId, List<AnswerChunk> chunks) {
    StringBuilder delta = new StringBuilder();
    chunks.forEach(c -> delta.append(c.delta()));
    return type("chunk")
        .add("messageId", messageId)
        .add("fromSeq", chunks.get(0).sequence())
        .add("seq", chunks.get(chunks.size() - 1).sequence())
        .add("delta", delta.toString())
        .build()
        .toString();
  }

  static String completed(AnswerCompleted done) {
    JsonObjectBuilder frame =
        type("completed")
            .add("messageId", done.messageId())
            .add("lastSeq", done.lastSequence())
            .add("content", done.content())
            .add("inputTokens", done.inputTokens())
            .add("outputTokens", done.outputTokens())
            .add("cachedTokens", done.cachedTokens())
            .add("totalTimeMs", done.totalTimeMs());
    addOrNull(frame, "model", done.model());
    addOrNull(frame, "costUsd", done.costUsd());
    addOrNull(frame, "timeToFirstTokenMs", done.timeToFirstTokenMs());
    return frame.build().toString();
  }

  static String ended(AnswerEnded ended) {
    return ended(
        ended.status(),
        ended.messageId(),
        ended.lastSequence(),
        ended.errorCode(),
        ended.reason(),
        ended.partialContent());
  }

  static String status(AnswerStatus status) {
    return status(status.messageId(), status.status());
  }

  static String status(String messageId, String status) {
    return type("status").add("messageId", messageId).add("status", status).build().toString();
  }

  static String resync(String messageId) {
    JsonObjectBuilder frame = type("resync");
    addOrNull(frame, "messageId", messageId);
    return frame.build().toString();
  }

  /**
   * The final frame of a stored answer, or its status while it is not final. The database keeps no
   * chunk numbers, so {@code lastSeq} is 0: the client replaces its partial text with the content.
   */
  static String stored(ChatMessage message) {
    String status = message.status().name().toLowerCase(Locale.ROOT);
    return switch (message.status()) {
      case COMPLETED ->
          completed(
              new AnswerCompleted(
                  message.chatId(),
                  message.id(),
                  0,
                  message.content(),
                  message.modelAnswered(),
                  orZero(message.inputTokens()),
                  orZero(message.outputTokens()),
                  orZero(message.cachedTokens()),
                  message.costUsd(),
                  message.timeToFirstTokenMs(),
                  message.totalTimeMs() == null ? 0 : message.totalTimeMs()));
      case FAILED, INTERRUPTED, CANCELLED ->
          ended(
              status,
              message.id(),
              0,
              message.errorCode(),
              message.errorMessage(),
              message.content());
      default -> status(message.id(), status);
    };
  }

  private static String ended(
      String status, String messageId, long lastSeq, String code, String reason, String partial) {
    JsonObjectBuilder frame = type(status).add("messageId", messageId).add("lastSeq", lastSeq);
    addOrNull(frame, "errorCode", code);
    addOrNull(frame, "reason", reason);
    frame.add("partialContent", partial == null ? "" : partial);
    return frame.build().toString();
  }

  private static JsonObjectBuilder type(String type) {
    return JsonFactories.BUILDERS.createObjectBuilder().add("type", type);
  }

  private static void addOrNull(JsonObjectBuilder frame, String name, Object value) {
    if (value == null) {
      frame.addNull(name);
    } else if (value instanceof BigDecimal number) {
      frame.add(name, number);
    } else if (value instanceof Long number) {
      frame.add(name, number);
    } else {
      frame.add(name, value.toString());
    }
  }

  private static long orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
