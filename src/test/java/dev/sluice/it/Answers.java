package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One user's chat answers, read through the API: one answer, or waiting for one to get somewhere.
 */
final class Answers {

  private final Http user;

  /**
   * @param user a client signed in as the chat's owner
   */
  Answers(Http user) {
    this.user = user;
  }

  JsonObject find(String chat, String id) {
    HttpResponse<String> response = user.get("/api/chats/" + chat + "/messages?limit=100");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer " + id + " in chat " + chat));
  }

  /**
   * Waits until the answer's status passes {@code status}; fails at once if the answer ended
   * another way (it will not change again).
   */
  JsonObject await(String chat, String id, Predicate<String> status) {
    return awaitWhere(chat, id, a -> status.test(a.getString("status")));
  }

  /**
   * Waits until the answer as a whole passes {@code reached}; fails at once if the answer ended
   * without passing it (it will not change again).
   */
  JsonObject awaitWhere(String chat, String id, Predicate<JsonObject> reached) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        () -> {
          last[0] = find(chat, id);
          if (reached.test(last[0])) {
            return Optional.of(last[0]);
          }
          String now = last[0].getString("status");
          if (!now.equals("queued") && !now.equals("streaming")) {
            throw new AssertionError("answer " + id + " ended otherwise: " + last[0]);
          }
          return Optional.empty();
        },
        () -> "answer " + id + " to reach the expected state; last seen " + last[0]);
  }
}
