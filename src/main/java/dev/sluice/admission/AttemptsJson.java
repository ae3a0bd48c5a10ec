package dev.sluice.admission;

import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The tries of an answer as the JSON array stored in {@code chat_message.attempts}. */
public final class AttemptsJson {

  private AttemptsJson() {}

  public static String of(List<Attempt> attempts) {
    JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
    for (Attempt attempt : attempts) {
      JsonObjectBuilder item =
          JsonFactories.BUILDERS
              .createObjectBuilder()
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
