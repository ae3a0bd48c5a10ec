package dev.sluice.admission;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** The tries of an answer as the JSON array stored in {@code chat_message.attempts}. */
public final class AttemptsJson {

  // Json.createArrayBuilder() would look the JSON-P provider up again on every call.
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private AttemptsJson() {}

  public static String of(List<Attempt> attempts) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Attempt attempt : attempts) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("model", String.valueOf(attempt.model()))
              .add("provider", String.valueOf(attempt.provider()))
              .add("lane", String.valueOf(attempt.lane()))
              .add("outcome", String.valueOf(attempt.outcome()))
              .add("queueWaitMs", attempt.queueWait() == null ? 0 : attempt.queueWait().toMillis())
              .add("backoffMs", attempt.backoff() == null ? 0 : attempt.backoff().toMillis());
      if (attempt.errorKind() != null) {
        item.add("errorKind", attempt.errorKind().name());
      }
      if (attempt.startedAt() != null) {
        item.add("startedAt", attempt.startedAt().toString());
      }
      array.add(item);
    }
    return array.build().toString();
  }
}
