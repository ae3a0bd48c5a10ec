package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Anthropic's Message Batches API: create, poll, results, failures, expiry, cancel and limits. */
class SimulatorAnthropicBatchTest extends BatchFixture {

  private static final String PATH = "/v1/messages/batches";

  @Test
  void answersEveryRequestAsTheMessagesEndpointWould() {
    JsonObject created =
        json(
            create(
                request("a", "[sim:batch-time=300ms] Tell me about rivers"), request("b", "Hi")));
    assertThat(created.getString("id")).startsWith("msgbatch_");
    assertThat(created.getString("type")).isEqualTo("message_batch");
    assertThat(created.getString("processing_status")).isEqualTo("in_progress");
    assertThat(created.getJsonObject("request_counts").getMap())
        .containsEntry("processing", 2)
        .containsEntry("succeeded", 0);
    assertThat(created.getValue("results_url")).isNull();
    assertThat(created.getValue("ended_at")).isNull();
    assertThat(created.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(created.getString("expires_at")).isNotBlank();

    JsonObject ended = awaitEnded(created.getString("id"));
    assertThat(ended.getJsonObject("request_counts").getMap())
        .containsEntry("processing", 0)
        .containsEntry("succeeded", 2)
        .containsEntry("errored", 0);
    assertThat(ended.getString("ended_at")).isNotBlank();
    String resultsUrl = ended.getString("results_url");
    assertThat(resultsUrl)
        .isEqualTo(server.baseUrl() + PATH + "/" + ended.getString("id") + "/results");

    HttpResponse<String> results = get(resultsUrl.substring(server.baseUrl().length()));
    assertThat(results.statusCode()).isEqualTo(200);
    List<JsonObject> lines = lines(results.body());
    assertThat(lines).extracting(l -> l.getString("custom_id")).containsExactly("a", "b");
    JsonObject result = lines.get(0).getJsonObject("result");
    assertThat(result.getString("type")).isEqualTo("succeeded");
    JsonObject message = result.getJsonObject("message");
    JsonObject alone =
        json(post("/v1/messages", SimulatorFixture.anthropic("Tell me about rivers", "")));
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getString("model")).isEqualTo("claude-sonnet-4-5");
    assertThat(message.getJsonArray("content")).isEqualTo(alone.getJsonArray("content"));
    assertThat(message.getJsonObject("usage")).isEqualTo(alone.getJsonObject("usage"));
    assertThat(message.getJsonObject("usage").getInteger("output_tokens")).isEqualTo(12);
    assertThat(get(resultsUrl.substring(server.baseUrl().length())).body())
        .isEqualTo(results.body());
  }

  @Test
  void faultedRequestsEndErroredWithTheProvidersErrorBody() {
    String id =
        json(create(
                request("ok", "[sim:batch-time=200ms] Hello"),
                request("boom", "[sim:server-error]"),
                request("busy", "[sim:rate-limit]"),
                request("full", "[sim:overloaded]")))
            .getString("id");
    JsonObject ended = awaitEnded(id);

    assertThat(ended.getJsonObject("request_counts").getMap())
        .containsEntry("succeeded", 1)
        .containsEntry("errored", 3);
    List<JsonObject> lines = lines(get(PATH + "/" + id + "/results").body());
    assertThat(lines.subList(1, 4))
        .extracting(
            l -> l.getJsonObject("result").getString("type"),
            l ->
                l.getJsonObject("result")
                    .getJsonObject("error")
                    .getJsonObject("error")
                    .getString("type"))
        .containsExactly(
            tuple("errored", "api_error"),
            tuple("errored", "rate_limit_error"),
            tuple("errored", "overloaded_error"));
    JsonObject error = lines.get(1).getJsonObject("result").getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getString("request_id")).startsWith("req_sim_");
  }

  @Test
  void aRequestMarkedToExpireEndsTheBatchWithItAndTheRestExpired() {
    String id =
        json(create(
                request("one", "[sim:batch-time=300ms] Hello"),
                request("two", "Go on [sim:batch-expire tokens=3]"),
                request("three", "Later")))
            .getString("id");
    JsonObject ended = awaitEnded(id);

    assertThat(ended.getJsonObject("request_counts").getMap())
        .containsEntry("succeeded", 1)
        .containsEntry("expired", 2)
        .containsEntry("canceled", 0);
    assertThat(lines(get(PATH + "/" + id + "/results").body()))
        .extracting(l -> l.getJsonObject("result").getString("type"))
        .containsExactly("succeeded", "expired", "expired");
  }

  @Test
  void cancellingMidwayKeepsTheFinishedRequestsAndCancelsTheRest() {
    String id =
        json(create(
                IntStream.rangeClosed(1, 5)
                    .mapToObj(
                        i -> request("r" + i, (i == 1 ? "[sim:batch-time=4s] " : "") + "Item"))
                    .toArray(JsonObject[]::new)))
            .getString("id");
    assertThat(get(PATH + "/" + id + "/results").statusCode()).isEqualTo(400);
    pollUntil(
        PATH + "/" + id,
        b -> b.getJsonObject("request_counts").getInteger("succeeded") >= 1,
        "a first finished request");

    JsonObject canceling = json(post(PATH + "/" + id + "/cancel", ""));
    assertThat(canceling.getString("processing_status")).isEqualTo("canceling");
    assertThat(canceling.getString("cancel_initiated_at")).isNotBlank();
    JsonObject ended = awaitEnded(id);

    JsonObject counts = ended.getJsonObject("request_counts");
    int succeeded = counts.getInteger("succeeded");
    assertThat(succeeded).isBetween(1, 4);
    assertThat(counts.getInteger("canceled")).isEqualTo(5 - succeeded);
    assertThat(lines(get(PATH + "/" + id + "/results").body()))
        .extracting(l -> l.getJsonObject("result").getString("type"))
        .containsOnly("succeeded", "canceled")
        .filteredOn("canceled"::equals)
        .hasSize(5 - succeeded);

    HttpResponse<String> again = post(PATH + "/" + id + "/cancel", "");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(json(again).getJsonObject("error").getString("type"))
        .isEqualTo("invalid_request_error");
  }

  @Test
  void refusesBatchesPastTheLimitsOrMalformed() {
    HttpResponse<String> six =
        create(
            IntStream.rangeClosed(1, 6)
                .mapToObj(i -> request("r" + i, "Hi"))
                .toArray(JsonObject[]::new));
    assertThat(six.statusCode()).isEqualTo(400);
    assertThat(json(six).getJsonObject("error").getString("message")).contains("at most 5");

    HttpResponse<String> big = create(request("big", "x".repeat((int) MAX_BYTES)));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(json(big).getJsonObject("error").getString("type")).isEqualTo("request_too_large");

    HttpResponse<String> badId = create(request("not valid!", "Hi"));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(json(badId).getString("type")).isEqualTo("error");
    assertThat(create(request("same", "a"), request("same", "b")).statusCode()).isEqualTo(400);
    assertThat(post(PATH, "{\"requests\":[]}").statusCode()).isEqualTo(400);
  }

  @Test
  void listsBatchesNewestFirstPageByPage() {
    List<String> ids =
        IntStream.range(0, 3)
            .mapToObj(i -> json(create(request("a", "Hi"))).getString("id"))
            .toList();

    JsonObject page = json(get(PATH + "?limit=2"));
    assertThat(ids(page.getJsonArray("data"))).containsExactly(ids.get(2), ids.get(1));
    assertThat(page.getBoolean("has_more")).isTrue();
    JsonObject next = json(get(PATH + "?limit=2&after_id=" + page.getString("last_id")));
    assertThat(ids(next.getJsonArray("data"))).containsExactly(ids.get(0));
    assertThat(next.getBoolean("has_more")).isFalse();
  }

  @Test
  void everyBatchPathNeedsTheApiKeyAndUnknownBatchesAreNotFound() {
    for (String[] call :
        new String[][] {
          {"POST", PATH},
          {"GET", PATH},
          {"GET", PATH + "/msgbatch_x"},
          {"GET", PATH + "/msgbatch_x/results"},
          {"POST", PATH + "/msgbatch_x/cancel"}
        }) {
      HttpResponse<String> response = anonymous(call[0], call[1]);
      assertThat(response.statusCode()).as(call[1]).isEqualTo(401);
      assertThat(json(response).getJsonObject("error").getString("type"))
          .isEqualTo("authentication_error");
    }
    HttpResponse<String> missing = get(PATH + "/msgbatch_missing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).getJsonObject("error").getString("type")).isEqualTo("not_found_error");
  }

  private static List<String> ids(JsonArray data) {
    return data.stream().map(b -> ((JsonObject) b).getString("id")).toList();
  }

  private static JsonObject awaitEnded(String id) {
    return pollUntil(
        PATH + "/" + id, b -> "ended".equals(b.getString("processing_status")), "the batch's end");
  }

  private static HttpResponse<String> create(JsonObject... requests) {
    return post(PATH, new JsonObject().put("requests", new JsonArray(List.of(requests))).encode());
  }

  private static JsonObject request(String customId, String prompt) {
    return new JsonObject()
        .put("custom_id", customId)
        .put("params", new JsonObject(SimulatorFixture.anthropic(prompt, "")));
  }
}
