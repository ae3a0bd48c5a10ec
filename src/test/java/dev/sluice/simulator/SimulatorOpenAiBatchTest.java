package dev.sluice.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** OpenAI's Files and Batch APIs: upload, create, poll, download, failures, expiry and cancel. */
class SimulatorOpenAiBatchTest extends BatchFixture {

  @Test
  void answersEveryLineAsTheChatEndpointWouldAndKeepsTheOutputFile() {
    JsonObject file = json(upload(jsonl(line("a", "Tell me about rivers"), line("b", "Hello"))));
    assertThat(file.getString("id")).startsWith("file-");
    assertThat(file.getString("object")).isEqualTo("file");
    assertThat(file.getString("purpose")).isEqualTo("batch");
    assertThat(file.getLong("bytes")).isPositive();

    JsonObject created = json(create(file.getString("id"), "300ms"));
    assertThat(created.getString("id")).startsWith("batch_");
    assertThat(created.getString("object")).isEqualTo("batch");
    assertThat(created.getString("status")).isEqualTo("validating");
    assertThat(created.getString("endpoint")).isEqualTo("/v1/chat/completions");
    assertThat(created.getString("completion_window")).isEqualTo("24h");
    assertThat(created.getJsonObject("request_counts").getInteger("total")).isEqualTo(2);
    assertThat(created.getValue("output_file_id")).isNull();
    assertThat(created.getJsonObject("metadata").getString("sim_processing_time"))
        .isEqualTo("300ms");

    JsonObject done = awaitStatus(created.getString("id"), "completed");
    assertThat(done.getJsonObject("request_counts").getMap())
        .containsEntry("total", 2)
        .containsEntry("completed", 2)
        .containsEntry("failed", 0);
    assertThat(done.getValue("error_file_id")).isNull();
    assertThat(done.getLong("completed_at")).isNotNull();
    assertThat(done.getLong("finalizing_at")).isNotNull();

    String outputId = done.getString("output_file_id");
    String output = get("/v1/files/" + outputId + "/content").body();
    List<JsonObject> lines = lines(output);
    assertThat(lines).extracting(l -> l.getString("custom_id")).containsExactly("a", "b");
    JsonObject first = lines.get(0);
    assertThat(first.getString("id")).startsWith("batch_req_");
    assertThat(first.getValue("error")).isNull();
    JsonObject response = first.getJsonObject("response");
    assertThat(response.getInteger("status_code")).isEqualTo(200);
    assertThat(response.getString("request_id")).startsWith("req_sim_");
    JsonObject completion = response.getJsonObject("body");
    JsonObject alone = json(post("/v1/chat/completions", body("Tell me about rivers")));
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(completion.getJsonArray("choices")).isEqualTo(alone.getJsonArray("choices"));
    assertThat(completion.getJsonObject("usage")).isEqualTo(alone.getJsonObject("usage"));
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(12);

    JsonObject outputFile = json(get("/v1/files/" + outputId));
    assertThat(outputFile.getString("purpose")).isEqualTo("batch_output");
    assertThat(get("/v1/files/" + outputId + "/content").body()).isEqualTo(output);
    assertThat(get("/v1/files/" + file.getString("id") + "/content").body())
        .isEqualTo(jsonl(line("a", "Tell me about rivers"), line("b", "Hello")));
  }

  @Test
  void failedLinesGoToTheErrorFileWithTheirStatusAndErrorBody() {
    String input =
        jsonl(
            line("ok", "Hello"),
            line("boom", "[sim:server-error]"),
            line("busy", "[sim:rate-limit]"),
            line("full", "[sim:overloaded]"),
            "{\"custom_id\":\"bad\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
                + "\"body\":{\"model\":\"gpt-4o-mini\"}}");
    JsonObject done =
        awaitStatus(
            json(create(json(upload(input)).getString("id"), "200ms")).getString("id"),
            "completed");

    assertThat(done.getJsonObject("request_counts").getMap())
        .containsEntry("completed", 1)
        .containsEntry("failed", 4);
    assertThat(lines(get("/v1/files/" + done.getString("output_file_id") + "/content").body()))
        .extracting(l -> l.getString("custom_id"))
        .containsExactly("ok");
    List<JsonObject> errors =
        lines(get("/v1/files/" + done.getString("error_file_id") + "/content").body());
    assertThat(errors)
        .extracting(
            l -> l.getString("custom_id"),
            l -> l.getJsonObject("response").getInteger("status_code"))
        .containsExactly(
            tuple("boom", 500), tuple("busy", 429), tuple("full", 503), tuple("bad", 400));
    JsonObject busy = errors.get(1).getJsonObject("response").getJsonObject("body");
    assertThat(busy.getJsonObject("error").getString("code")).isEqualTo("rate_limit_exceeded");
    assertThat(errors).allSatisfy(l -> assertThat(l.getValue("error")).isNull());
  }

  @Test
  void aLineMarkedToExpireExpiresTheBatchThereAndTheLinesAfterIt() {
    String input =
        jsonl(
            line("one", "Hello"),
            line("two", "Hello again"),
            line("three", "[sim:batch-expire] Too late"),
            line("four", "Later still"));
    JsonObject expired =
        awaitStatus(
            json(create(json(upload(input)).getString("id"), "300ms")).getString("id"), "expired");

    assertThat(expired.getLong("expired_at")).isNotNull();
    assertThat(expired.getValue("completed_at")).isNull();
    assertThat(expired.getJsonObject("request_counts").getInteger("completed")).isEqualTo(2);
    assertThat(lines(get("/v1/files/" + expired.getString("output_file_id") + "/content").body()))
        .extracting(l -> l.getString("custom_id"))
        .containsExactly("one", "two");
    List<JsonObject> errors =
        lines(get("/v1/files/" + expired.getString("error_file_id") + "/content").body());
    assertThat(errors).extracting(l -> l.getString("custom_id")).containsExactly("three", "four");
    assertThat(errors)
        .allSatisfy(
            l -> {
              assertThat(l.getValue("response")).isNull();
              assertThat(l.getJsonObject("error").getString("code")).isEqualTo("batch_expired");
            });
  }

  @Test
  void cancellingMidwayKeepsTheFinishedLinesAndCancelsTheRest() {
    String input =
        jsonl(
            IntStream.rangeClosed(1, 5)
                .mapToObj(i -> line("r" + i, "Item " + i))
                .toArray(String[]::new));
    String id = json(create(json(upload(input)).getString("id"), "4s")).getString("id");
    pollUntil(
        "/v1/batches/" + id,
        b -> b.getJsonObject("request_counts").getInteger("completed") >= 1,
        "a first finished line");

    JsonObject cancelling = json(post("/v1/batches/" + id + "/cancel", ""));
    assertThat(cancelling.getString("status")).isEqualTo("cancelling");
    assertThat(cancelling.getLong("cancelling_at")).isNotNull();
    JsonObject cancelled = awaitStatus(id, "cancelled");

    int finished = cancelled.getJsonObject("request_counts").getInteger("completed");
    assertThat(finished).isBetween(1, 4);
    assertThat(cancelled.getLong("cancelled_at")).isNotNull();
    assertThat(lines(get("/v1/files/" + cancelled.getString("output_file_id") + "/content").body()))
        .hasSize(finished);
    List<JsonObject> rest =
        lines(get("/v1/files/" + cancelled.getString("error_file_id") + "/content").body());
    assertThat(rest).hasSize(5 - finished);
    assertThat(rest)
        .allSatisfy(
            l ->
                assertThat(l.getJsonObject("error").getString("code"))
                    .isEqualTo("batch_cancelled"));

    HttpResponse<String> again = post("/v1/batches/" + id + "/cancel", "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).getJsonObject("error").getString("message")).contains("cancelled");
  }

  @Test
  void aBatchWithoutItsOwnTimeIsStillRunningAndShowsItsProgress() {
    String id =
        json(create(json(upload(jsonl(line("x", "Hello")))).getString("id"), null)).getString("id");
    JsonObject running = json(get("/v1/batches/" + id));
    assertThat(running.getString("status")).isIn("validating", "in_progress");
    assertThat(running.getJsonObject("request_counts").getInteger("completed")).isZero();
    assertThat(running.getValue("output_file_id")).isNull();
  }

  @Test
  void refusesInputFilesPastTheLimitsOrMalformed() {
    String six =
        jsonl(
            IntStream.rangeClosed(1, 6).mapToObj(i -> line("r" + i, "Hi")).toArray(String[]::new));
    assertRefused(upload(six), "at most 5");
    String big = jsonl(line("big", "x".repeat((int) MAX_BYTES)));
    assertRefused(upload(big), "at most 4096 bytes");
    assertRefused(upload(jsonl(line("same", "a"), line("same", "b"))), "custom_id 'same'");
    assertRefused(
        upload(
            "{\"custom_id\":\"e\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{}}\n"),
        "url must be the batch endpoint");
    assertRefused(upload("not json\n"), "Line 1");

    HttpResponse<String> unknownFile = create("file-missing", null);
    assertThat(unknownFile.statusCode()).isEqualTo(404);
    String fileId = json(upload(jsonl(line("a", "Hi")))).getString("id");
    HttpResponse<String> wrongEndpoint =
        post(
            "/v1/batches",
            new JsonObject()
                .put("input_file_id", fileId)
                .put("endpoint", "/v1/embeddings")
                .put("completion_window", "24h")
                .encode());
    assertThat(wrongEndpoint.statusCode()).isEqualTo(400);
    assertThat(json(wrongEndpoint).getJsonObject("error").getString("param")).isEqualTo("endpoint");
  }

  @Test
  void listsBatchesNewestFirstPageByPage() {
    String fileId = json(upload(jsonl(line("a", "Hi")))).getString("id");
    List<String> ids =
        IntStream.range(0, 3)
            .mapToObj(i -> json(create(fileId, null)).getString("id"))
            .collect(Collectors.toList());

    JsonObject page = json(get("/v1/batches?limit=2"));
    assertThat(page.getString("object")).isEqualTo("list");
    assertThat(page.getJsonArray("data").stream().map(b -> ((JsonObject) b).getString("id")))
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(page.getBoolean("has_more")).isTrue();
    assertThat(page.getString("first_id")).isEqualTo(ids.get(2));
    JsonObject next = json(get("/v1/batches?limit=2&after=" + page.getString("last_id")));
    assertThat(next.getJsonArray("data").stream().map(b -> ((JsonObject) b).getString("id")))
        .containsExactly(ids.get(0));
    assertThat(next.getBoolean("has_more")).isFalse();
  }

  @Test
  void everyBatchPathNeedsTheApiKey() {
    for (String[] call :
        new String[][] {
          {"POST", "/v1/files"},
          {"GET", "/v1/files/file-x/content"},
          {"POST", "/v1/batches"},
          {"GET", "/v1/batches"},
          {"POST", "/v1/batches/batch_x/cancel"}
        }) {
      HttpResponse<String> response = anonymous(call[0], call[1]);
      assertThat(response.statusCode()).as(call[1]).isEqualTo(401);
      assertThat(json(response).getJsonObject("error").getString("code"))
          .isEqualTo("invalid_api_key");
    }
    assertThat(get("/v1/batches/batch_missing").statusCode()).isEqualTo(404);
  }

  private static void assertRefused(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = json(response).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    assertThat(error.getString("message")).contains(message);
  }

  private static JsonObject awaitStatus(String id, String status) {
    return pollUntil(
        "/v1/batches/" + id, b -> status.equals(b.getString("status")), "status " + status);
  }

  private static HttpResponse<String> create(String fileId, String processingTime) {
    JsonObject body =
        new JsonObject()
            .put("input_file_id", fileId)
            .put("endpoint", "/v1/chat/completions")
            .put("completion_window", "24h");
    if (processingTime != null) {
      body.put("metadata", new JsonObject().put("sim_processing_time", processingTime));
    }
    return post("/v1/batches", body.encode());
  }

  /** {@code POST /v1/files} as the OpenAI SDKs send it: multipart with purpose and file. */
  private static HttpResponse<String> upload(String jsonl) {
    String boundary = "sim-batch-boundary";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"input.jsonl\""
            + "\r\nContent-Type: application/jsonl\r\n\r\n"
            + jsonl
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/files"))
            .header("authorization", "Bearer " + KEY)
            .header("content-type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(multipart)));
  }

  private static String jsonl(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static String line(String customId, String prompt) {
    return new JsonObject()
        .put("custom_id", customId)
        .put("method", "POST")
        .put("url", "/v1/chat/completions")
        .put("body", new JsonObject(body(prompt)))
        .encode();
  }

  private static String body(String prompt) {
    return SimulatorFixture.openAi(prompt, "");
  }
}
