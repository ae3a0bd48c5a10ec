package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's queues over HTTP: only admins see them; both job queues are listed with their
 * depths; a chat job that failed every delivery is listed, retried, and its answer then completes;
 * a failed message can be dropped; wrong names and ids are problems naming them. {@link
 * QueueFixtures} puts failed jobs in place.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminQueuesIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war().addClasses(QueueFixtures.class, AnswerRows.class, Poll.class);
  }

  @ArquillianResource URL base;

  @Test
  void onlyAnAdminMayUseTheQueues() {
    // Suppliers: a sent builder keeps the credentials it was signed with.
    List<Supplier<HttpRequest.Builder>> calls =
        List.of(
            () -> get("/api/admin/queues"),
            () -> get("/api/admin/queues/chat-jobs/failed"),
            () -> post("/api/admin/queues/chat-jobs/failed/ID:abc123/retry"),
            () -> post("/api/admin/queues/document-jobs/failed/ID:abc123/discard"));
    for (Supplier<HttpRequest.Builder> call : calls) {
      assertProblem(http().as(Credentials.demo()).send(call.get()), 403);
      assertProblem(http().send(call.get()), 401);
    }
  }

  @Test
  void anAdminSeesBothQueuesAndTheirExceptionDestinations() {
    HttpResponse<String> response = admin().get("/api/admin/queues");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonObject> queues = Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
    assertThat(queues)
        .extracting(q -> q.getString("name"))
        .containsExactly("chat-jobs", "document-jobs");
    assertThat(queues)
        .extracting(q -> q.getString("destination"))
        .containsExactly("ChatJobs", "DocumentJobs");
    assertThat(queues)
        .extracting(q -> q.getJsonObject("failed").getString("destination"))
        .containsExactly("ChatJobsFailed", "DocumentJobsFailed");
    for (JsonObject queue : queues) {
      int byPriority =
          queue.getJsonObject("byPriority").values().stream()
              .mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue())
              .sum();
      assertThat(byPriority).isEqualTo(queue.getInt("depth"));
      assertThat(queue.getBoolean("depthCapped")).isFalse();
      assertThat(queue.getJsonObject("failed").getInt("depth")).isNotNegative();
    }
  }

  @Test
  void aChatJobThatFailedEveryDeliveryIsListedRetriedAndItsAnswerCompletes() {
    JsonObject job =
        Http.json(admin().post("/api/admin/it-fixtures/failing-chat-job")).asJsonObject();
    String chat = job.getString("chatId");
    String answer = job.getString("answerId");
    JsonObject failed;
    try {
      failed = awaitFailed("chat-jobs", j -> answer.equals(j.getString("jobId", null)));
      assertThat(failed.getString("messageId")).startsWith("ID:");
      // Not necessarily the HIGH job's 7: Liberty reports 0 once a message has moved here.
      assertThat(failed.getInt("priority")).isBetween(0, 9);
      assertThat(failed.getString("sentAt")).isNotBlank();
      assertThat(answerOf(chat, answer).getString("status")).isEqualTo("failed");
      assertThat(
              Http.json(admin().get("/api/admin/queues"))
                  .asJsonArray()
                  .getJsonObject(0)
                  .getJsonObject("failed")
                  .getInt("depth"))
          .isPositive();
    } finally {
      admin().send(delete("/api/admin/it-fixtures/failing-chat-job/" + answer));
    }
    String retryPath =
        "/api/admin/queues/chat-jobs/failed/" + failed.getString("messageId") + "/retry";

    HttpResponse<String> retried = admin().post(retryPath);

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(Http.json(retried).asJsonObject().getString("jobId")).isEqualTo(answer);
    assertThat(Http.json(retried).asJsonObject().getString("jobState")).isEqualTo("queued");
    JsonObject completed = awaitAnswer(chat, answer, "completed");
    assertThat(completed.getString("content")).isNotBlank();
    assertThat(!completed.containsKey("errorCode") || completed.isNull("errorCode")).isTrue();
    assertThat(failedJobs("chat-jobs"))
        .noneMatch(j -> j.getString("messageId").equals(failed.getString("messageId")));
    assertField(admin().post(retryPath), 404, "messageId");
  }

  @Test
  void aFailedMessageCanBeDroppedButNotRetriedWhenItNamesNoWork() {
    String text = "it-discard-" + UUID.randomUUID();
    HttpResponse<String> sent =
        admin().post("/api/admin/it-fixtures/failed-message?queue=document-jobs&text=" + text);
    assertThat(sent.statusCode()).as(sent.body()).isIn(200, 204);
    JsonObject failed = awaitFailed("document-jobs", j -> text.equals(j.getString("jobId", null)));
    assertThat(failed.getInt("priority")).isEqualTo(3);
    String path = "/api/admin/queues/document-jobs/failed/" + failed.getString("messageId");

    assertField(admin().post(path + "/retry"), 409, "messageId");
    assertThat(failedJobs("document-jobs")).anyMatch(j -> text.equals(j.getString("jobId", null)));

    HttpResponse<String> dropped = admin().post(path + "/discard");

    assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(204);
    assertThat(failedJobs("document-jobs")).noneMatch(j -> text.equals(j.getString("jobId", null)));
    assertField(admin().post(path + "/discard"), 404, "messageId");
  }

  @Test
  void wrongNamesIdsAndLimitsAreProblemsNamingThem() {
    assertField(admin().get("/api/admin/queues/no-such-jobs/failed"), 404, "name");
    assertField(admin().post("/api/admin/queues/no-such-jobs/failed/ID:abc/retry"), 404, "name");
    assertField(admin().get("/api/admin/queues/chat-jobs/failed?limit=0"), "limit");
    assertField(admin().get("/api/admin/queues/chat-jobs/failed?limit=201"), "limit");
    String injection = URLEncoder.encode("ID:x' OR JMSPriority >= '0", StandardCharsets.UTF_8);
    assertField(
        admin().post("/api/admin/queues/chat-jobs/failed/" + injection + "/retry"), "messageId");
    assertField(admin().post("/api/admin/queues/chat-jobs/failed/not-an-id/discard"), "messageId");
    assertField(
        admin().post("/api/admin/queues/chat-jobs/failed/ID:0123456789abcdef/retry"),
        404,
        "messageId");
  }

  // --- helpers ---

  private Http http() {
    return new Http(base).root();
  }

  private Http admin() {
    return http().as(Credentials.admin());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(http().resolve(path)).GET();
  }

  private HttpRequest.Builder post(String path) {
    return HttpRequest.newBuilder(http().resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(http().resolve(path)).DELETE();
  }

  private List<JsonObject> failedJobs(String queue) {
    HttpResponse<String> response = admin().get("/api/admin/queues/" + queue + "/failed?limit=200");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private JsonObject awaitFailed(String queue, Predicate<JsonObject> match) {
    return Poll.until(
        () -> failedJobs(queue).stream().filter(match).findFirst(),
        () -> "a matching failed job on " + queue);
  }

  private JsonObject answerOf(String chat, String answer) {
    return new Answers(http().as(Credentials.demo())).find(chat, answer);
  }

  private JsonObject awaitAnswer(String chat, String answer, String status) {
    return new Answers(http().as(Credentials.demo())).await(chat, answer, status::equals);
  }
}
