package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.BatchSettings;
import dev.sluice.simulator.SimulatorServer;
import dev.sluice.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * Document batches in provider mode (issue 16), end to end on the simulator's OpenAI Batch API: the
 * test server's {@code simhttp} provider (model {@code sim-http}, list price $2/$8 per million
 * tokens, batch price half that, at most 200 requests per provider batch, polled every second)
 * calls the simulator this class runs. A batch is handed to the provider in provider batches, waits
 * while they work, and completes with one result per (document, analysis) at the batch price;
 * requests the provider failed are failed results that a restart runs again through the gate; stop
 * cancels the provider batches at the provider.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderBatchesIT {

  private static final Duration WITHIN = Duration.ofSeconds(120);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
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
            SimulatorSettings.from(Map.of()),
            BatchSettings.defaults().withProcessingTime(Duration.ofSeconds(2)));
  }

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
  void fiveHundredDocumentsCompleteThroughProviderBatchesAtTheBatchPrice() {
    List<String> docs = bulk(500, "A calm report about rivers, locks and gates.");

    JsonObject submitted = submit(docs);
    assertThat(submitted.getString("mode")).isEqualTo("provider");
    assertThat(submitted.getString("model")).isEqualTo("sim-http");
    Set<String> seen = new LinkedHashSet<>();
    JsonObject done = await(submitted.getString("id"), "completed", seen);

    assertThat(seen).as("statuses seen").contains("waiting");
    JsonObject progress = done.getJsonObject("progress");
    assertThat(progress.getInt("expected")).isEqualTo(500);
    assertThat(progress.getInt("done")).isEqualTo(500);
    assertThat(progress.getInt("failed")).isZero();
    JsonObject provider = progress.getJsonObject("provider");
    assertThat(provider.getInt("waiting")).isZero();
    List<JsonObject> batches = provider.getJsonArray("batches").getValuesAs(JsonObject.class);
    assertThat(batches).extracting(b -> b.getInt("requests")).containsExactly(200, 200, 100);
    assertThat(batches)
        .allSatisfy(
            b -> {
              assertThat(b.getString("status")).isEqualTo("completed");
              assertThat(b.getString("collection")).isEqualTo("collected");
              assertThat(b.getInt("succeeded")).isEqualTo(b.getInt("requests"));
              assertThat(b.getString("providerBatchId")).isNotBlank();
            });

    List<JsonObject> results = results(submitted.getString("id"));
    assertThat(results).hasSize(500);
    assertThat(results.stream().map(r -> r.getString("documentId")).distinct()).hasSize(500);
    BigDecimal total = BigDecimal.ZERO;
    for (JsonObject r : results) {
      assertThat(r.getString("status")).isEqualTo("completed");
      assertThat(r.getString("output")).isNotBlank();
      BigDecimal atBatchPrice =
          BigDecimal.valueOf(r.getInt("inputTokens"))
              .multiply(BigDecimal.ONE)
              .add(BigDecimal.valueOf(r.getInt("outputTokens")).multiply(BigDecimal.valueOf(4)))
              .divide(MILLION, 10, RoundingMode.HALF_UP);
      assertThat(r.getJsonNumber("costUsd").bigDecimalValue())
          .as("cost of %s", r)
          .isEqualByComparingTo(atBatchPrice);
      total = total.add(atBatchPrice);
    }
    BigDecimal cost = provider.getJsonNumber("costUsd").bigDecimalValue();
    assertThat(cost).isEqualByComparingTo(total.setScale(6, RoundingMode.HALF_UP));
    assertThat(provider.getJsonNumber("listCostUsd").bigDecimalValue())
        .isEqualByComparingTo(
            total.multiply(BigDecimal.valueOf(2)).setScale(6, RoundingMode.HALF_UP));
    assertThat(provider.getJsonNumber("estimatedSavingUsd").bigDecimalValue())
        .isEqualByComparingTo(cost)
        .isPositive();
    assertThat(chatCalls()).as("interactive calls").isZero();
    // The provider-batch gauges are refreshed at each poll of the provider, so the batch's
    // completion can be seen in its REST view a poll before the gauges count it.
    Pattern completedGauge =
        Pattern.compile("sluice_provider_batches\\{[^}]*status=\"completed\"[^}]*\\} [1-9]");
    String metrics =
        Poll.until(
            Duration.ofSeconds(15),
            () ->
                Optional.of(Server.current().applicationMetrics(base))
                    .filter(m -> completedGauge.matcher(m).find()),
            () -> "sluice_provider_batches to count a completed batch");
    assertThat(metrics)
        .contains("sluice_provider_batch_requests")
        .containsPattern("sluice_provider_batch_saved_microusd_total(\\{[^}]*\\})? [1-9]");
  }

  @Test
  void requestsTheProviderFailedAreFailedResultsThatARestartRunsThroughTheGate() {
    List<String> docs = new ArrayList<>(bulk(4, "A quiet note about canals."));
    String failing = bulk(1, "[sim:server-error] A note the provider cannot answer.").get(0);
    docs.add(1, failing);
    String id = submit(docs).getString("id");

    await(id, "completed", new HashSet<>());
    List<JsonObject> first = results(id);
    assertThat(first).hasSize(5);
    JsonObject failed = only(first, failing);
    assertThat(failed.getString("status")).isEqualTo("failed");
    assertThat(failed.getString("errorCode")).isEqualTo("PROVIDER_BATCH_ERRORED");
    assertThat(failed.getString("errorMessage")).isNotBlank();
    assertThat(first.stream().filter(r -> !r.getString("documentId").equals(failing)))
        .allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("completed"));
    assertThat(chatCalls()).isZero();
    List<JsonObject> records =
        Poll.until(
            () -> Optional.of(generations(id)).filter(g -> g.size() >= 4),
            () -> "the generation records of the 4 answered calls");
    assertThat(records)
        .hasSize(4)
        .allSatisfy(
            g -> {
              assertThat(g.getString("status")).isEqualTo("completed");
              assertThat(g.getString("model")).isEqualTo("sim-http");
              assertThat(g.getJsonNumber("costUsd").bigDecimalValue())
                  .isEqualByComparingTo(
                      BigDecimal.valueOf(g.getJsonNumber("inputTokens").longValue())
                          .add(
                              BigDecimal.valueOf(g.getJsonNumber("outputTokens").longValue())
                                  .multiply(BigDecimal.valueOf(4)))
                          .divide(MILLION, 10, RoundingMode.HALF_UP));
            });

    HttpResponse<String> restart = demo().post("/api/batches/" + id + "/restart");
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
    await(id, "completed", new HashSet<>());

    List<JsonObject> second = results(id);
    assertThat(second).hasSize(5);
    JsonObject again = only(second, failing);
    assertThat(again.getString("status")).isEqualTo("failed");
    assertThat(again.getString("errorCode"))
        .as("failed again, through the gate this time")
        .isNotEqualTo("PROVIDER_BATCH_ERRORED");
    assertThat(chatCalls()).as("interactive calls of the re-run").isPositive();
    for (JsonObject before : first) {
      if (!before.getString("documentId").equals(failing)) {
        assertThat(only(second, before.getString("documentId"))).isEqualTo(before);
      }
    }
  }

  @Test
  void aProviderBatchWhoseCreationWentUnansweredIsTakenOnRestartNotMadeTwice() {
    List<String> docs = new ArrayList<>(bulk(2, "A note about weirs."));
    docs.add(
        0,
        bulk(1, "[sim:batch-answer-lost] The provider makes this batch, and its answer is lost.")
            .get(0));
    String id = submit(docs).getString("id");

    JsonObject failed = await(id, "failed", new HashSet<>());
    JsonObject left = provider(failed).getJsonArray("batches").getJsonObject(0);
    assertThat(left.getString("status")).isEqualTo("creating");
    assertThat(creations()).as("provider batches made").isEqualTo(1);

    HttpResponse<String> restart = demo().post("/api/batches/" + id + "/restart");
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
    JsonObject done =
        await(
            id,
            b -> Set.of("completed", "failed").contains(b.getString("status")),
            "an end",
            new HashSet<>());

    // Made again, the batch would be lost again: two creations, and a batch failed once more.
    assertThat(creations()).as("provider batches made, after the restart").isEqualTo(1);
    assertThat(done.getString("status")).isEqualTo("completed");
    List<JsonObject> batches = provider(done).getJsonArray("batches").getValuesAs(JsonObject.class);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).getString("status")).isEqualTo("completed");
    assertThat(batches.get(0).getInt("succeeded")).isEqualTo(3);
    List<JsonObject> results = results(id);
    assertThat(results).hasSize(3);
    assertThat(results).allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("completed"));
    assertThat(chatCalls()).as("interactive calls").isZero();
  }

  @Test
  void stopCancelsTheProviderBatchesAtTheProvider() {
    List<String> docs = new ArrayList<>(bulk(3, "A long wait."));
    docs.add(0, bulk(1, "[sim:batch-time=120s] The first request sets the batch's time.").get(0));
    String id = submit(docs).getString("id");
    await(
        id,
        b ->
            b.getString("status").equals("waiting")
                && !provider(b).getJsonArray("batches").isEmpty()
                && !provider(b)
                    .getJsonArray("batches")
                    .getJsonObject(0)
                    .getString("status")
                    .equals("creating"),
        "waiting",
        new HashSet<>());

    HttpResponse<String> stop = demo().post("/api/batches/" + id + "/stop");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
    JsonObject stopped = await(id, "stopped", new HashSet<>());

    JsonObject batch = provider(stopped).getJsonArray("batches").getJsonObject(0);
    assertThat(batch.getString("status")).isEqualTo("cancelled");
    assertThat(batch.getInt("cancelled")).isEqualTo(4);
    List<JsonObject> results = results(id);
    assertThat(results).hasSize(4);
    assertThat(results)
        .allSatisfy(
            r -> assertThat(r.getString("errorCode")).isEqualTo("PROVIDER_BATCH_CANCELLED"));
  }

  @Test
  void providerModeIsRefusedNamingModeForAModelWithoutBatchesOrAnUnknownMode() {
    List<String> docs = bulk(1, "Short.");
    int before = myBatchCount();

    HttpResponse<String> simulated =
        demo()
            .postJson(
                "/api/batches",
                "{\"documentIds\":"
                    + ids(docs)
                    + ",\"analyses\":[\"summary\"],\"mode\":\"provider\"}");
    assertField(simulated, "mode");
    HttpResponse<String> unknown =
        demo()
            .postJson(
                "/api/batches",
                "{\"documentIds\":"
                    + ids(docs)
                    + ",\"analyses\":[\"summary\"],\"model\":\"sim-http\",\"mode\":\"overnight\"}");
    assertField(unknown, "mode");

    assertThat(myBatchCount()).isEqualTo(before);
  }

  private JsonObject submit(List<String> docs) {
    HttpResponse<String> response =
        demo()
            .postJson(
                "/api/batches",
                "{\"documentIds\":"
                    + ids(docs)
                    + ",\"analyses\":[\"summary\"],\"model\":\"sim-http\",\"mode\":\"provider\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).asJsonObject();
  }

  private List<String> bulk(int n, String text) {
    String marker = "provider-" + UUID.randomUUID();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < n; i++) {
      lines
          .append(
              Json.createObjectBuilder()
                  .add("title", marker + " " + i)
                  .add("text", text + " Document " + i + ".")
                  .build())
          .append('\n');
    }
    HttpResponse<String> loaded =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/documents/bulk"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(lines.toString())));
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    return Http.json(loaded).asJsonObject().getJsonArray("ids").getValuesAs(JsonString::getString);
  }

  private JsonObject await(String id, String status, Set<String> seen) {
    return await(id, b -> b.getString("status").equals(status), "status " + status, seen);
  }

  private JsonObject await(String id, Predicate<JsonObject> until, String what, Set<String> seen) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        WITHIN,
        () -> {
          HttpResponse<String> response = demo().get("/api/batches/" + id);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          last[0] = Http.json(response).asJsonObject();
          seen.add(last[0].getString("status"));
          return Optional.of(last[0]).filter(until);
        },
        () -> "batch " + id + " to reach " + what + "; last seen " + last[0]);
  }

  /** The batch's generation records of source batch (the newest 200 of the model's). */
  private List<JsonObject> generations(String batchId) {
    HttpResponse<String> page =
        new Http(base)
            .as(Credentials.admin())
            .get("/api/admin/generations?source=batch&model=sim-http&limit=200");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return Http.json(page)
        .asJsonObject()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(g -> batchId.equals(g.getString("batchId", null)))
        .toList();
  }

  /** Calls to the simulator's interactive chat endpoint (its batch endpoints are counted apart). */
  private static long chatCalls() {
    return simulator.arrivals().stream()
        .filter(a -> a.endpoint().endsWith("/chat/completions"))
        .count();
  }

  /** Batches the simulator was asked to create, answered or not. */
  private static long creations() {
    return simulator.arrivals().stream()
        .filter(a -> a.endpoint().equals("POST /v1/batches"))
        .count();
  }

  private static JsonObject provider(JsonObject batch) {
    return batch.getJsonObject("progress").getJsonObject("provider");
  }

  private List<JsonObject> results(String id) {
    return BatchPagesClient.allResults(demo(), id, 100);
  }

  private static JsonObject only(List<JsonObject> results, String documentId) {
    List<JsonObject> found =
        results.stream().filter(r -> r.getString("documentId").equals(documentId)).toList();
    assertThat(found).as("results of " + documentId).hasSize(1);
    return found.get(0);
  }

  private int myBatchCount() {
    return BatchPagesClient.count(demo());
  }

  private static String ids(List<String> ids) {
    return BatchPagesClient.ids(ids);
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }
}
