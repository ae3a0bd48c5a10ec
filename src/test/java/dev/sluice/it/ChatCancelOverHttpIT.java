package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.Arrival;
import dev.sluice.simulator.BatchSettings;
import dev.sluice.simulator.SimulatorServer;
import dev.sluice.simulator.SimulatorStats;
import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancel over real HTTP, as {@code demo}: the server streams an answer from the LLM simulator
 * through its OpenAI adapter (the test server's {@code simhttp} provider, model {@code sim-http});
 * cancelling the answer closes that connection, seen by the simulator before the answer was
 * complete, and the answer ends cancelled with its partial text. An answer from the simulator
 * acting as a server that ignores {@code include_usage} gets estimated usage. The simulator runs in
 * this JVM, on the fixed port the build gives the server, only while this class runs.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatCancelOverHttpIT {

  private static SimulatorServer simulator;

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startSimulator() {
    simulator =
        HttpSimulator.start(
            SimulatorSettings.from(Map.of("first-token-delay", "50ms")), BatchSettings.defaults());
  }

  /** Each test counts the simulator's streams and arrivals from zero. */
  @BeforeEach
  void resetSimulator() {
    simulator.reset();
  }

  @AfterAll
  static void stopSimulator() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void cancellingAStreamingAnswerClosesTheProvidersConnectionAndKeepsItsText() {
    String chat = newChat("sim-http");
    // 400 tokens 50 ms apart: the stream would take 20 s.
    String id = answerId(ask(chat, "[sim:tokens=400] [sim:delay=50] A long story"));
    awaitAnswer(chat, id, a -> a.getString("status").equals("streaming"));
    // Some text has arrived once a partial save shows it.
    awaitAnswer(chat, id, a -> !a.getString("content").isBlank());
    assertThat(simulator.stats().streamsOpen()).isEqualTo(1);

    HttpResponse<String> cancel = http().post(messagesPath(chat) + "/" + id + "/cancel");

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    Poll.untilTrue(
        () -> simulator.stats().streamsClosedByClient() == 1,
        () -> "the simulator to see the connection closed: " + simulator.stats());
    SimulatorStats.Snapshot stats = simulator.stats();
    assertThat(stats.streamsCompleted()).as("the answer never completed").isZero();
    assertThat(stats.streamsOpen()).isZero();
    assertThat(simulator.arrivals())
        .extracting(Arrival::endpoint, Arrival::status)
        .containsExactly(tuple("POST /v1/chat/completions", 200));
    JsonObject answer = awaitAnswer(chat, id, a -> !a.getString("status").equals("streaming"));
    assertThat(answer.getString("status")).isEqualTo("cancelled");
    assertThat(answer.getString("errorCode")).isEqualTo("CANCELLED");
    assertThat(answer.getString("content")).isNotBlank();
  }

  @Test
  void anOpenAiServerThatIgnoresIncludeUsageGetsItsUsageEstimated() {
    String chat = newChat("sim-http");
    String id = answerId(ask(chat, "[sim:no-usage] [sim:tokens=5] [sim:delay=1] Briefly"));

    JsonObject answer =
        awaitAnswer(chat, id, a -> !List.of("queued", "streaming").contains(a.getString("status")));
    assertThat(answer.getString("status")).isEqualTo("completed");
    assertThat(answer.getInt("outputTokens")).isPositive();
    assertThat(answer.getInt("inputTokens")).isPositive();
    Http admin = new Http(base).as(Credentials.admin());
    JsonObject generation =
        Poll.until(
            () ->
                Http.json(admin.get("/api/admin/generations?source=chat&user=demo&limit=100"))
                    .asJsonObject()
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(g -> id.equals(g.getString("reference", null)))
                    .findFirst(),
            () -> "the answer's generation to be recorded");
    assertThat(generation.getBoolean("usageEstimated")).isTrue();
    assertThat(generation.getJsonNumber("outputTokens").longValue())
        .isEqualTo(answer.getInt("outputTokens"));
  }

  // --- helpers ---

  private Http http() {
    return new Http(base).root().as(Credentials.demo());
  }

  private String newChat(String model) {
    HttpResponse<String> created =
        http()
            .send(
                HttpRequest.newBuilder(http().resolve("/api/chats"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"cancel over http\",\"model\":\"" + model + "\"}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private static String messagesPath(String chat) {
    return "/api/chats/" + chat + "/messages";
  }

  private HttpResponse<String> ask(String chat, String content) {
    return http()
        .send(
            HttpRequest.newBuilder(http().resolve(messagesPath(chat)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + content + "\"}")));
  }

  private static String answerId(HttpResponse<String> posted) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
  }

  private JsonObject answer(String chat, String id) {
    HttpResponse<String> response = http().get(messagesPath(chat) + "?limit=100");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject awaitAnswer(String chat, String id, Predicate<JsonObject> reached) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        () -> {
          last[0] = answer(chat, id);
          return Optional.of(last[0]).filter(reached);
        },
        () -> "the answer to move on from " + last[0]);
  }
}
