package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sluice.documents.extract.SampleFiles;
import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Document batches over REST on the real batch runtime: a batch runs to completion across its
 * partitions with exactly one result per (document, analysis); a stopped batch restarts from its
 * checkpoints without analysing anything twice; ownership; every bad input names its field and
 * leaves no batch behind.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class BatchesIT {

  /** A batch runs many paced calls: longer than {@link Poll#WITHIN}. */
  private static final Duration BATCH_WITHIN = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  /** Every analysis here must succeed, whichever class ran before. */
  @BeforeEach
  @AfterEach
  void closeTheBreaker() {
    SimulatedBreaker.close(base);
  }

  @Test
  void aBatchOfUploadedPdfAndTextCompletesWithOneResultPerDocumentAndAnalysis() throws Exception {
    List<String> docs = new ArrayList<>(documents(6, "A calm report about rivers and gates."));
    docs.add(uploadedPdf());

    JsonObject batch = submit(ids(docs), "\"summary\",\"sentiment\"", 3, 4);
    JsonObject done = awaitStatus(batch.getString("id"), "completed");

    JsonObject progress = done.getJsonObject("progress");
    assertThat(progress.getInt("expected")).isEqualTo(14);
    assertThat(progress.getInt("done")).isEqualTo(14);
    assertThat(progress.getInt("failed")).isZero();
    assertThat(progress.getInt("remaining")).isZero();
    assertThat(progress.getJsonArray("partitions")).hasSize(3);
    assertThat(progress.getJsonArray("partitions").getValuesAs(JsonObject.class))
        .allSatisfy(p -> assertThat(p.getInt("remaining")).isZero());
    List<JsonObject> results = allResults(batch.getString("id"), 5);
    assertThat(results).hasSize(14);
    Set<String> keys = new HashSet<>();
    for (JsonObject r : results) {
      assertThat(keys.add(r.getString("documentId") + "/" + r.getString("analysis"))).isTrue();
      assertThat(r.getString("status")).isEqualTo("completed");
      assertThat(r.getString("output")).isNotBlank();
    }
    assertThat(keys).hasSize(14);
  }

  @Test
  void aStoppedBatchRestartsFromItsCheckpointsAndAnalysesEachDocumentOnce() throws Exception {
    List<String> docs = documents(12, "Slow text [sim:first-token=400]");
    String id = submit(ids(docs), "\"summary\"", 2, 2).getString("id");

    awaitDone(id, 2);
    HttpResponse<String> stop = demo().post("/api/batches/" + id + "/stop");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
    JsonObject stopped = awaitStatus(id, "stopped");
    int doneAtStop = stopped.getJsonObject("progress").getInt("done");
    assertThat(doneAtStop).isLessThan(12);

    HttpResponse<String> restart = demo().post("/api/batches/" + id + "/restart");
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
    awaitStatus(id, "completed");

    List<JsonObject> results = allResults(id, 100);
    assertThat(results).hasSize(12);
    assertThat(results.stream().map(r -> r.getString("documentId")).distinct()).hasSize(12);
    assertThat(results).allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("completed"));
    assertProblem(demo().post("/api/batches/" + id + "/restart"), 409);
  }

  @Test
  void theProgressSocketFollowsABatchToItsEnd() throws Exception {
    List<String> docs = documents(8, "Paced text [sim:first-token=300]");
    String id = submit(ids(docs), "\"summary\"", 2, 2).getString("id");
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    CountDownLatch afterEnd = new CountDownLatch(1);
    CompletableFuture<Integer> closed = new CompletableFuture<>();

    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", Credentials.demo().header())
            .header("Origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort())
            .buildAsync(
                URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/batches/" + id),
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      JsonObject frame = Http.json(text.toString()).asJsonObject();
                      text.setLength(0);
                      if (ended.getCount() == 0) {
                        afterEnd.countDown();
                      }
                      frames.add(frame);
                      if (frame.getString("type").equals("finished")) {
                        ended.countDown();
                      }
                    }
                    ws.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                    closed.complete(code);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);

    assertThat(ended.await(90, TimeUnit.SECONDS)).as("frames: " + frames).isTrue();
    // The server closes the socket once the final frame is out: nothing can follow it.
    assertThat(closed.get(30, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    assertThat(afterEnd.getCount()).as("a frame after finished: " + frames).isEqualTo(1);
    socket.abort();
    List<Integer> done =
        frames.stream().map(f -> f.getJsonObject("progress").getInt("done")).toList();
    assertThat(done).as("frames: " + frames).isSorted();
    assertThat(done.get(done.size() - 1)).as("frames: " + frames).isEqualTo(8);
    assertThat(done).anyMatch(d -> d < 8);
    assertThat(frames.get(frames.size() - 1).getString("type")).isEqualTo("finished");
    assertThat(frames.get(frames.size() - 1).getString("status")).isEqualTo("completed");
    assertThat(frames).filteredOn(f -> f.getString("type").equals("finished")).hasSize(1);
  }

  @Test
  void theWebhookHearsTheEndAndIsRetriedAfterAFailure() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    CountDownLatch delivered = new CountDownLatch(2);
    // The one loopback port the test server allow-lists for webhooks (WebhookSsrfIT).
    HttpServer hook =
        HttpServer.create(new InetSocketAddress("127.0.0.1", WebhookListener.ALLOWED_PORT), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          // The first call fails: Fault Tolerance must try again.
          exchange.sendResponseHeaders(bodies.size() == 1 ? 503 : 204, -1);
          exchange.close();
          delivered.countDown();
        });
    hook.start();
    try {
      String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
      HttpResponse<String> submitted =
          batch(ids(documents(2, "Short.")), "\"summary\"", ",\"webhookUrl\":\"" + url + "\"");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
      String id = Http.json(submitted).asJsonObject().getString("id");

      assertThat(delivered.await(60, TimeUnit.SECONDS)).as("webhook calls: " + bodies).isTrue();
      JsonObject summary = Http.json(bodies.get(1)).asJsonObject();
      assertThat(summary.getString("event")).isEqualTo("batch.finished");
      assertThat(summary.getString("batchId")).isEqualTo(id);
      assertThat(summary.getString("status")).isEqualTo("completed");
      assertThat(summary.getInt("done")).isEqualTo(2);
      assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
    } finally {
      hook.stop(0);
    }
  }

  @Test
  void anotherUsersBatchIsNotFoundAndAnAdminSeesIt() throws Exception {
    String id = submit(ids(documents(1, "Mine.")), "\"summary\"", 1, 1).getString("id");

    assertProblem(new Http(base).as(Credentials.of("demo2")).get("/api/batches/" + id), 404);
    assertProblem(
        new Http(base).as(Credentials.of("demo2")).post("/api/batches/" + id + "/stop"), 404);
    assertThat(new Http(base).as(Credentials.admin()).get("/api/batches/" + id).statusCode())
        .isEqualTo(200);
    assertThat(
            Http.json(new Http(base).as(Credentials.of("demo2")).get("/api/batches"))
                .asJsonObject()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .noneMatch(b -> b.getString("id").equals(id));
  }

  @Test
  void badRequestsNameTheFieldAndLeaveNoBatch() throws Exception {
    String doc = documents(1, "Some text.").get(0);
    int before = myBatchCount();

    assertProblem(demo().postJson("/api/batches", "{not json"), 400);
    assertField(demo().postJson("/api/batches", "{\"documentIds\":[\"" + doc + "\"]}"), "analyses");
    assertField(batch("[\"" + doc + "\"]", "\"poetry\"", ""), "analyses");
    assertField(
        batch("[\"" + doc + "\",\"" + UUID.randomUUID() + "\"]", "\"summary\"", ""), "documentIds");
    assertField(batch("[]", "\"summary\"", ""), "documentIds");
    assertField(
        batch("[\"" + doc + "\"]", "\"summary\"", ",\"maxConcurrency\":0"), "maxConcurrency");
    assertField(batch("[\"" + doc + "\"]", "\"summary\"", ",\"partitions\":999"), "partitions");
    assertField(batch("[\"" + doc + "\"]", "\"summary\"", ",\"model\":\"no-such-model\""), "model");
    assertField(batch("[\"" + doc + "\"]", "\"custom\"", ""), "customInstruction");
    assertField(
        demo()
            .postJson(
                "/api/batches",
                "{\"filter\":{\"title\":\""
                    + UUID.randomUUID()
                    + "\"},\"analyses\":[\"summary\"]}"),
        "filter");
    assertProblem(demo().post("/api/batches/" + UUID.randomUUID() + "/stop"), 404);

    assertThat(myBatchCount()).isEqualTo(before);
  }

  @Test
  void filterWildcardsAreMatchedLiterally() throws Exception {
    String marker = "like-" + UUID.randomUUID();
    String literal = TextDocuments.upload(demo(), 1, marker + " 50%", "Half.").get(0);
    TextDocuments.upload(demo(), 1, marker + " 500", "Five hundred.");
    int before = myBatchCount();

    assertField(filtered("{\"contentType\":\"%\"}"), "filter");
    assertField(filtered("{\"contentType\":\"_ext/\"}"), "filter");
    assertField(filtered("{\"title\":\"" + marker + "%0\"}"), "filter");
    assertThat(myBatchCount()).isEqualTo(before);

    HttpResponse<String> one = filtered("{\"title\":\"" + marker + " 50%\"}");
    assertThat(one.statusCode()).as(one.body()).isEqualTo(202);
    String id = Http.json(one).asJsonObject().getString("id");
    awaitStatus(id, "completed");
    assertThat(allResults(id, 10))
        .extracting(r -> r.getString("documentId"))
        .containsExactly(literal);
  }

  private HttpResponse<String> filtered(String filter) {
    return demo()
        .postJson("/api/batches", "{\"filter\":" + filter + ",\"analyses\":[\"summary\"]}");
  }

  private HttpResponse<String> batch(String ids, String analyses, String more) {
    return demo()
        .postJson(
            "/api/batches",
            "{\"documentIds\":" + ids + ",\"analyses\":[" + analyses + "]" + more + "}");
  }

  private JsonObject submit(String ids, String analyses, int partitions, int concurrency) {
    HttpResponse<String> response =
        batch(
            ids, analyses, ",\"partitions\":" + partitions + ",\"maxConcurrency\":" + concurrency);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonObject batch = Http.json(response).asJsonObject();
    assertThat(response.headers().firstValue("Location"))
        .contains(demo().resolve("/api/batches/" + batch.getString("id")).toString());
    return batch;
  }

  private List<String> documents(int n, String text) {
    return TextDocuments.upload(demo(), n, "Batch doc", text);
  }

  /** A real PDF, uploaded as a file: its text is what the batch analyses. */
  private String uploadedPdf() {
    byte[] pdf = SampleFiles.pdf("Sluice gates", "The lock keeper opened the upper gates at dawn.");
    MultipartBody form =
        new MultipartBody()
            .file("file", "gates-" + UUID.randomUUID() + ".pdf", "application/pdf", pdf);
    HttpResponse<String> created =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/documents"))
                    .header("Content-Type", form.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private static String ids(List<String> ids) {
    return BatchPagesClient.ids(ids);
  }

  private JsonObject awaitStatus(String id, String status) {
    return await(id, b -> b.getString("status").equals(status), "status " + status);
  }

  private JsonObject awaitDone(String id, int done) {
    return await(id, b -> b.getJsonObject("progress").getInt("done") >= done, done + " done");
  }

  private JsonObject await(String id, Predicate<JsonObject> until, String what) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        BATCH_WITHIN,
        () -> {
          HttpResponse<String> response = demo().get("/api/batches/" + id);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          last[0] = Http.json(response).asJsonObject();
          return Optional.of(last[0]).filter(until);
        },
        () -> "batch " + id + " to reach " + what + "; last seen " + last[0]);
  }

  private List<JsonObject> allResults(String id, int pageSize) {
    return BatchPagesClient.allResults(demo(), id, pageSize);
  }

  private int myBatchCount() {
    return BatchPagesClient.count(demo());
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }
}
