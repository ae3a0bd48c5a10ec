package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's providers and lanes over HTTP: admins only; no secret in the listing; a forced-open
 * breaker fails chat answers fast until reset; a lane's limits change on the live lane at once. The
 * Liberty is shared: every test leaves the simulated breaker closed and the lane unoverridden.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminProvidersIT {

  private static final String LANE = "simulated/sim-small";
  private static final String LANE_PATH = "/api/admin/lanes/" + LANE;
  private static final String BREAKER = "/api/admin/providers/simulated/breaker/";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @AfterEach
  void restore() {
    assertThat(admin().post(BREAKER + "reset").statusCode()).isEqualTo(200);
    assertThat(delete(admin(), LANE_PATH).statusCode()).isEqualTo(200);
  }

  @Test
  void everyEndpointIsForAdminsOnly() {
    List<Function<Http, HttpResponse<String>>> calls =
        List.of(
            c -> c.get("/api/admin/providers"),
            c -> c.post(BREAKER + "force-open"),
            c -> c.post(BREAKER + "force-closed"),
            c -> c.post(BREAKER + "reset"),
            c -> c.get(LANE_PATH),
            c -> put(c, LANE_PATH, "{\"maxInFlight\": 1}"),
            c -> delete(c, LANE_PATH));
    for (Function<Http, HttpResponse<String>> call : calls) {
      HttpResponse<String> refused = call.apply(anonymous());
      assertThat(refused.statusCode()).as("anonymous %s", refused.uri()).isEqualTo(401);
      HttpResponse<String> forbidden = call.apply(demo());
      assertThat(forbidden.statusCode()).as("demo %s", forbidden.uri()).isEqualTo(403);
    }
    // Nothing the refused calls asked for happened.
    JsonObject lane = lane();
    assertThat(lane.get("override")).isEqualTo(JsonValue.NULL);
    assertThat(breaker().getString("state")).isEqualTo("CLOSED");
  }

  @Test
  void adminsSeeEveryProviderItsModelsAndLanesButNoSecret() {
    HttpResponse<String> response = admin().get("/api/admin/providers");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String key = System.getProperty("sluice.it.simulator-key");
    assertThat(key).isNotBlank();
    assertThat(response.body()).doesNotContain(key).doesNotContainIgnoringCase("apiKey");
    List<JsonObject> providers = Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
    assertThat(providers)
        .extracting(p -> p.getString("name"))
        .contains("simulated", "openai", "anthropic", "simhttp");
    JsonObject simhttp = provider(providers, "simhttp");
    assertThat(simhttp.getString("type")).isEqualTo("openai");
    assertThat(simhttp.getBoolean("usable")).isTrue();

    JsonObject simulated = provider(providers, "simulated");
    assertThat(simulated.getString("type")).isEqualTo("simulated");
    assertThat(simulated.getJsonArray("models").getValuesAs(JsonValue::toString))
        .contains("\"sim-small\"", "\"sim-large\"");
    assertThat(simulated.getJsonObject("breaker").getString("provider")).isEqualTo("simulated");
    JsonObject lane =
        simulated.getJsonArray("lanes").getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getString("name").equals(LANE))
            .findFirst()
            .orElseThrow();
    assertThat(lane.getString("provider")).isEqualTo("simulated");
    assertThat(lane.getJsonObject("configured").getInt("maxInFlight")).isEqualTo(16);
    assertThat(lane.get("override")).isEqualTo(JsonValue.NULL);
    assertThat(lane.getJsonObject("effective")).isEqualTo(lane.getJsonObject("configured"));
    assertThat(lane).containsKey("live");
  }

  @Test
  void aForcedOpenBreakerFailsTheNextAnswerFastUntilReset() {
    HttpResponse<String> opened = admin().post(BREAKER + "force-open");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    assertThat(Http.json(opened).asJsonObject().getString("state")).isEqualTo("FORCED_OPEN");
    assertThat(breaker().getString("state")).isEqualTo("FORCED_OPEN");

    String chat = newChat();
    JsonObject refused =
        awaitAnswer(chat, ask(chat, "[sim:tokens=5] hello"), s -> s.equals("failed"));
    assertThat(refused.getString("errorCode")).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(refused.getString("errorMessage")).contains("circuit breaker");

    HttpResponse<String> reset = admin().post(BREAKER + "reset");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(Http.json(reset).asJsonObject().getString("state")).isEqualTo("CLOSED");
    JsonObject answered =
        awaitAnswer(chat, ask(chat, "[sim:tokens=5] again"), s -> s.equals("completed"));
    assertThat(answered.getString("content")).isNotBlank();
  }

  @Test
  void forcedClosedIsShownAndAnUnknownProviderIsA404() {
    HttpResponse<String> closed = admin().post(BREAKER + "force-closed");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(Http.json(closed).asJsonObject().getString("state")).isEqualTo("DISABLED");

    assertProblem(admin().post("/api/admin/providers/nobody/breaker/force-open"), 404);
  }

  @Test
  void aLowerInFlightLimitHoldsTheNextCallAndRaisingItLetsItGoAtOnce() {
    HttpResponse<String> limited = put(admin(), LANE_PATH, "{\"maxInFlight\": 1}");
    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
    JsonObject view = Http.json(limited).asJsonObject();
    assertThat(view.getJsonObject("override").getInt("maxInFlight")).isEqualTo(1);
    assertThat(view.getJsonObject("override").getString("updatedBy")).isEqualTo("admin");
    assertThat(view.getJsonObject("override").get("maxQueued")).isEqualTo(JsonValue.NULL);
    assertThat(view.getJsonObject("effective").getInt("maxInFlight")).isEqualTo(1);
    assertThat(view.getJsonObject("configured").getInt("maxInFlight")).isEqualTo(16);

    String longChat = newChat();
    String shortChat = newChat();
    String slow = ask(longChat, "[sim:tokens=600] [sim:delay=50] a long story");
    try {
      awaitAnswer(longChat, slow, s -> s.equals("streaming"));
      String quick = ask(shortChat, "[sim:tokens=3] quick");

      JsonObject held = awaitLane(l -> waiting(l) >= 1);
      assertThat(held.getInt("inFlight")).isEqualTo(1);
      assertThat(held.getInt("maxInFlight")).isEqualTo(1);
      // The answer's own status says "streaming" from the moment its job starts; the lane is what
      // holds it.
      assertThat(status(shortChat, quick)).isIn("queued", "streaming");

      HttpResponse<String> raised = put(admin(), LANE_PATH, "{\"maxInFlight\": 2}");
      assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
      assertThat(Http.json(raised).asJsonObject().getJsonObject("live").getInt("maxInFlight"))
          .isEqualTo(2);

      awaitAnswer(shortChat, quick, s -> s.equals("completed"));
      assertThat(status(longChat, slow)).isEqualTo("streaming");
    } finally {
      demo().post(messagesPath(longChat) + "/" + slow + "/cancel");
    }
  }

  @Test
  void anOverrideIsKeptUntilDeletedAndChangesOnlyTheLimitsItNames() {
    assertThat(
            put(admin(), LANE_PATH, "{\"requestsPerMinute\": 120, \"maxQueued\": 7}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> second = put(admin(), LANE_PATH, "{\"maxQueued\": null}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

    JsonObject lane = lane();
    JsonObject override = lane.getJsonObject("override");
    assertThat(override.getJsonNumber("requestsPerMinute").longValue()).isEqualTo(120);
    assertThat(override.get("maxQueued")).isEqualTo(JsonValue.NULL);
    assertThat(override.getString("updatedAt")).isNotBlank();
    assertThat(lane.getJsonObject("effective").getJsonNumber("requestsPerMinute").longValue())
        .isEqualTo(120);
    assertThat(lane.getJsonObject("effective").getInt("maxQueued"))
        .isEqualTo(lane.getJsonObject("configured").getInt("maxQueued"));

    HttpResponse<String> deleted = delete(admin(), LANE_PATH);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    JsonObject restored = Http.json(deleted).asJsonObject();
    assertThat(restored.get("override")).isEqualTo(JsonValue.NULL);
    assertThat(restored.getJsonObject("effective")).isEqualTo(restored.getJsonObject("configured"));
  }

  @Test
  void badChangesAreRefusedNamingTheFieldAndUnknownLanesAre404() {
    assertField(put(admin(), LANE_PATH, "{\"maxInFlight\": 0}"), "maxInFlight");
    assertField(put(admin(), LANE_PATH, "{\"requestsPerMinute\": \"many\"}"), "requestsPerMinute");
    assertField(put(admin(), LANE_PATH, "{\"tokensPerMinute\": 1.5}"), "tokensPerMinute");
    assertField(put(admin(), LANE_PATH, "{\"maxQueued\": -1}"), "maxQueued");
    assertField(put(admin(), LANE_PATH, "{\"maxInflight\": 2}"), "maxInflight");
    assertField(put(admin(), LANE_PATH, "{}"), "body");
    assertField(put(admin(), LANE_PATH, "{\"maxInFlight\": "), "body");
    assertThat(lane().get("override")).isEqualTo(JsonValue.NULL);

    assertProblem(
        put(admin(), "/api/admin/lanes/simulated/no-such-model", "{\"maxQueued\": 1}"), 404);
    assertProblem(put(admin(), "/api/admin/lanes/nobody", "{\"maxQueued\": 1}"), 404);
    assertProblem(delete(admin(), "/api/admin/lanes/simulated/no-such-model"), 404);
    assertProblem(admin().get("/api/admin/lanes/simulated"), 404);
  }

  // --- helpers ---

  private Http anonymous() {
    return new Http(base).root();
  }

  private Http admin() {
    return anonymous().as(Credentials.admin());
  }

  private Http demo() {
    return anonymous().as(Credentials.demo());
  }

  private static HttpResponse<String> put(Http http, String path, String json) {
    return http.send(
        HttpRequest.newBuilder(http.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpResponse<String> delete(Http http, String path) {
    return http.send(HttpRequest.newBuilder(http.resolve(path)).DELETE());
  }

  private JsonObject lane() {
    HttpResponse<String> response = admin().get(LANE_PATH);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject();
  }

  private JsonObject breaker() {
    HttpResponse<String> response = admin().get("/api/admin/providers");
    return provider(Http.json(response).asJsonArray().getValuesAs(JsonObject.class), "simulated")
        .getJsonObject("breaker");
  }

  private static JsonObject provider(List<JsonObject> providers, String name) {
    return providers.stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static int waiting(JsonObject live) {
    return live.getJsonObject("waiting").values().stream()
        .mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue())
        .sum();
  }

  /** The lane's live snapshot once it matches. */
  private JsonObject awaitLane(Predicate<JsonObject> condition) {
    JsonValue[] last = new JsonValue[1];
    return Poll.until(
        () -> {
          last[0] = lane().get("live");
          return last[0] instanceof JsonObject live && condition.test(live)
              ? Optional.of(live)
              : Optional.empty();
        },
        () -> "lane " + LANE + " to reach the expected state; last seen " + last[0]);
  }

  private String newChat() {
    HttpResponse<String> created =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/chats"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"providers\"}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private static String messagesPath(String chat) {
    return "/api/chats/" + chat + "/messages";
  }

  /** Asks sim-small (one lane, no fallback) and returns the answer's id. */
  private String ask(String chat, String content) {
    String json = "{\"content\":\"" + content + "\",\"model\":\"sim-small\"}";
    HttpResponse<String> posted =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve(messagesPath(chat)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
  }

  private JsonObject message(String chat, String id) {
    return new Answers(demo()).find(chat, id);
  }

  private String status(String chat, String id) {
    return message(chat, id).getString("status");
  }

  private JsonObject awaitAnswer(String chat, String id, Predicate<String> status) {
    return new Answers(demo()).await(chat, id, status);
  }
}
