package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
 * The console's batches (/api/admin/batches) on the real batch runtime: only an admin gets in; the
 * admin lists demo's batches with filters and keyset pages, reads a batch's failed results, stops,
 * abandons and restarts demo's batches (Liberty's batchAdmin role), and reads the job log.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class AdminBatchesIT {

  private static final String ADMIN = "/api/admin/batches";

  /** A batch runs many paced calls: longer than {@link Poll#WITHIN}. */
  private static final Duration BATCH_WITHIN = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  /**
   * One test fails a provider call on purpose: every test starts and ends with the breaker closed.
   */
  @BeforeEach
  @AfterEach
  void closeTheBreaker() {
    SimulatedBreaker.close(base);
  }

  @Test
  void onlyAnAdminGetsIn() {
    String id = UUID.randomUUID().toString();
    Http anonymous = new Http(base);
    for (String path : List.of("", "/" + id, "/" + id + "/errors", "/" + id + "/job-log")) {
      assertProblem(demo().get(ADMIN + path), 403);
      assertProblem(anonymous.get(ADMIN + path), 401);
    }
    for (String action : List.of("stop", "restart", "abandon")) {
      assertProblem(demo().post(ADMIN + "/" + id + "/" + action), 403);
      assertProblem(anonymous.post(ADMIN + "/" + id + "/" + action), 401);
    }
  }

  @Test
  void anAdminListsDemosBatchesByOwnerAndStatusPageByPage() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    String first = submit(documents(1, "First."), "\"summary\"", 1, 1);
    String second = submit(documents(2, "Second."), "\"summary\"", 1, 1);
    awaitStatus(first, "completed");
    awaitStatus(second, "completed");
    String mine = "owner=demo&from=" + before;

    JsonObject page1 = list("?" + mine + "&limit=1");
    assertThat(ids(page1)).containsExactly(second);
    assertThat(page1.getString("next")).isNotBlank();
    JsonObject page2 = list("?" + mine + "&limit=1&cursor=" + page1.getString("next"));
    assertThat(ids(page2)).containsExactly(first);

    JsonObject newest =
        list("?" + mine + "&status=completed").getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("id")).isEqualTo(second);
    assertThat(newest.getString("owner")).isEqualTo("demo");
    assertThat(newest.getString("status")).isEqualTo("completed");
    assertThat(newest.getInt("documents")).isEqualTo(2);
    assertThat(newest.getString("createdAt")).isNotBlank();
    assertThat(newest.getString("finishedAt")).isNotBlank();
    JsonObject progress = newest.getJsonObject("progress");
    assertThat(progress.getInt("expected")).isEqualTo(2);
    assertThat(progress.getInt("done")).isEqualTo(2);
    assertThat(progress.getInt("failed")).isZero();
    assertThat(progress.getJsonNumber("percent").doubleValue()).isEqualTo(100.0);

    assertThat(ids(list("?" + mine + "&status=stopped"))).doesNotContain(first, second);
    assertThat(ids(list("?owner=demo2&from=" + before))).doesNotContain(first, second);
    assertThat(ids(list("?from=" + before))).contains(first, second);
    assertThat(ids(list("?owner=demo&to=" + before))).doesNotContain(first, second);
  }

  @Test
  void anAdminReadsABatchAndItsFailedResults() throws Exception {
    List<String> docs = documents(1, "Fine text.");
    docs.addAll(documents(1, "Broken text [sim:server-error]"));
    String id = submit(docs, "\"summary\"", 1, 2);
    awaitStatus(id, "completed");

    JsonObject batch = Http.json(admin().get(ADMIN + "/" + id)).asJsonObject();
    assertThat(batch.getString("owner")).isEqualTo("demo");
    assertThat(batch.getJsonObject("progress").getJsonArray("partitions")).hasSize(1);
    assertThat(batch.getJsonObject("links").getString("jobLog"))
        .isEqualTo(ADMIN + "/" + id + "/job-log");

    JsonObject errors = Http.json(admin().get(ADMIN + "/" + id + "/errors")).asJsonObject();
    List<JsonObject> items = errors.getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).getString("documentId")).isEqualTo(docs.get(1));
    assertThat(items.get(0).getString("analysis")).isEqualTo("summary");
    assertThat(items.get(0).getString("errorCode")).isNotBlank();
    assertThat(items.get(0).getString("errorMessage")).isNotBlank();
    assertThat(errors.isNull("next")).isTrue();
  }

  @Test
  void anAdminStopsAndAbandonsDemosRunningBatch() throws Exception {
    String id = submit(documents(12, "Slow text [sim:first-token=400]"), "\"summary\"", 2, 2);
    awaitDone(id, 1);
    assertProblem(admin().post(ADMIN + "/" + id + "/abandon"), 409);

    HttpResponse<String> stop = admin().post(ADMIN + "/" + id + "/stop");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
    awaitStatus(id, "stopped");

    HttpResponse<String> abandon = abandonOnceEnded(id);
    assertThat(abandon.statusCode()).as(abandon.body()).isEqualTo(200);
    assertThat(Http.json(abandon).asJsonObject().getString("status")).isEqualTo("abandoned");
    assertThat(Http.json(demo().get("/api/batches/" + id)).asJsonObject().getString("status"))
        .isEqualTo("abandoned");
    assertProblem(admin().post(ADMIN + "/" + id + "/restart"), 409);
    assertProblem(admin().post(ADMIN + "/" + id + "/stop"), 409);
    assertProblem(admin().post(ADMIN + "/" + id + "/abandon"), 409);
  }

  @Test
  void anAdminRestartsDemosStoppedBatchAndReadsItsJobLog() throws Exception {
    String id = submit(documents(8, "Slow text [sim:first-token=300]"), "\"summary\"", 2, 2);
    awaitDone(id, 1);
    assertThat(admin().post(ADMIN + "/" + id + "/stop").statusCode()).isEqualTo(202);
    awaitStatus(id, "stopped");

    HttpResponse<String> restart = admin().post(ADMIN + "/" + id + "/restart");
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
    JsonObject done = awaitStatus(id, "completed");
    assertThat(done.getJsonObject("progress").getInt("done")).isEqualTo(8);

    HttpResponse<String> log = admin().get(ADMIN + "/" + id + "/job-log");
    if (Server.current().isWildFly()) { // JBeret keeps no job logs: a clear problem, not an error
      assertProblem(log, 501);
      assertThat(Http.json(log).asJsonObject().getString("detail")).contains("no batch job logs");
      return;
    }
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    assertThat(log.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(log.body()).contains("=== ").contains("part.1.log");
  }

  @Test
  void badParametersAreA400NamingTheParameter() {
    assertField(admin().get(ADMIN + "?status=sleeping"), "status");
    assertField(admin().get(ADMIN + "?from=yesterday"), "from");
    assertField(admin().get(ADMIN + "?to=2026-13-45T00:00:00Z"), "to");
    assertField(admin().get(ADMIN + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
    assertField(admin().get(ADMIN + "?limit=0"), "limit");
    assertField(admin().get(ADMIN + "?limit=201"), "limit");
    assertField(admin().get(ADMIN + "?limit=ten"), "limit");
    assertField(admin().get(ADMIN + "?cursor=not-a-cursor"), "cursor");
    HttpResponse<String> both = admin().get(ADMIN + "?status=x&limit=x");
    assertField(both, "status");
    assertField(both, "limit");

    String id = UUID.randomUUID().toString();
    assertProblem(admin().get(ADMIN + "/" + id), 404);
    assertProblem(admin().get(ADMIN + "/" + id + "/errors"), 404);
    assertProblem(admin().get(ADMIN + "/" + id + "/job-log"), 404);
    assertProblem(admin().post(ADMIN + "/" + id + "/abandon"), 404);
    assertField(admin().get(ADMIN + "/" + id + "/errors?limit=500"), "limit");
    assertField(admin().get(ADMIN + "/" + id + "/errors?cursor=%25%25"), "cursor");
  }

  /** The batch shows stopped a moment before the runtime has ended its run: 409 until then. */
  private HttpResponse<String> abandonOnceEnded(String id) {
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    return Poll.until(
        () -> {
          last.set(admin().post(ADMIN + "/" + id + "/abandon"));
          return Optional.of(last.get()).filter(r -> r.statusCode() != 409);
        },
        () -> "batch " + id + "'s run to end so it can be abandoned; last: " + last.get().body());
  }

  private JsonObject list(String query) {
    HttpResponse<String> response = admin().get(ADMIN + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(b -> b.getString("id"))
        .toList();
  }

  private String submit(List<String> docs, String analyses, int partitions, int concurrency) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    docs.forEach(ids::add);
    HttpResponse<String> response =
        demo()
            .postJson(
                "/api/batches",
                "{\"documentIds\":"
                    + ids.build()
                    + ",\"analyses\":["
                    + analyses
                    + "],\"partitions\":"
                    + partitions
                    + ",\"maxConcurrency\":"
                    + concurrency
                    + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).asJsonObject().getString("id");
  }

  private List<String> documents(int n, String text) {
    return TextDocuments.upload(demo(), n, "Admin batch doc", text);
  }

  private JsonObject awaitStatus(String id, String status) {
    return await(id, b -> b.getString("status").equals(status), "status " + status);
  }

  private JsonObject awaitDone(String id, int done) {
    return await(id, b -> b.getJsonObject("progress").getInt("done") >= done, done + " done");
  }

  /** Polls the admin's view of the batch, which also brings its state up to date. */
  private JsonObject await(String id, Predicate<JsonObject> until, String what) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        BATCH_WITHIN,
        () -> {
          HttpResponse<String> response = admin().get(ADMIN + "/" + id);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          last[0] = Http.json(response).asJsonObject();
          return Optional.of(last[0]).filter(until);
        },
        () -> "batch " + id + " to reach " + what + "; last seen " + last[0]);
  }

  private Http admin() {
    return new Http(base).as(Credentials.admin());
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }
}
