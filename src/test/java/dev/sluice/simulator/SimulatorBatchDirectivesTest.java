package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Batch directives come out of the last user message; every other directive stays as written. */
class SimulatorBatchDirectivesTest {

  @Test
  void takesBatchWordsOutOfTheLastUserMessageOnly() {
    JsonObject body =
        new JsonObject()
            .put(
                "messages",
                new JsonArray()
                    .add(message("user", "[sim:batch-expire] earlier"))
                    .add(message("assistant", "ok"))
                    .add(message("user", "[sim:batch-time=2s]\n[sim:say]\nHi [sim:batch-expire]")));

    BatchDirectives.Stripped stripped = BatchDirectives.strip(body);

    assertThat(stripped.expires()).isTrue();
    assertThat(stripped.time()).isEqualTo("2s");
    assertThat(stripped.answerLost()).isFalse();
    JsonArray messages = stripped.body().getJsonArray("messages");
    assertThat(messages.getJsonObject(2).getString("content")).isEqualTo("[sim:say]\nHi ");
    assertThat(messages.getJsonObject(0).getString("content"))
        .isEqualTo("[sim:batch-expire] earlier");
    assertThat(body.getJsonArray("messages").getJsonObject(2).getString("content"))
        .as("the original body is left alone")
        .startsWith("[sim:batch-time=2s]");
  }

  @Test
  void keepsTheOtherWordsOfASharedDirectiveAndReadsContentParts() {
    JsonObject body =
        new JsonObject()
            .put(
                "messages",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("role", "user")
                            .put(
                                "content",
                                new JsonArray()
                                    .add(
                                        new JsonObject()
                                            .put("type", "text")
                                            .put(
                                                "text",
                                                "Go [sim:server-error  batch-expire"
                                                    + " batch-answer-lost] on")))));

    BatchDirectives.Stripped stripped = BatchDirectives.strip(body);

    assertThat(stripped.expires()).isTrue();
    assertThat(stripped.answerLost()).isTrue();
    assertThat(stripped.time()).isNull();
    assertThat(
            stripped
                .body()
                .getJsonArray("messages")
                .getJsonObject(0)
                .getJsonArray("content")
                .getJsonObject(0)
                .getString("text"))
        .isEqualTo("Go [sim:server-error] on");
  }

  @Test
  void leavesBodiesWithoutBatchDirectivesUnchanged() {
    JsonObject body =
        new JsonObject()
            .put("messages", new JsonArray().add(message("user", "[sim:tokens=3  plain] Hi")));
    BatchDirectives.Stripped stripped = BatchDirectives.strip(body);
    assertThat(stripped.body()).isEqualTo(body);
    assertThat(stripped.expires()).isFalse();
    assertThat(BatchDirectives.strip(new JsonObject()).body()).isEqualTo(new JsonObject());
  }

  private static JsonObject message(String role, String content) {
    return new JsonObject().put("role", role).put("content", content);
  }
}
