package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
 * The console's record of provider calls: a chat answer becomes a generation with its tries,
 * tokens, cost and (for chats, by default) its prompt and answer; it is counted in the costs and in
 * the overview; filters, paging and bad parameters behave.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminGenerationsIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void aChatAnswerIsRecordedWithItsTriesTokensCostAndText() {
    String answer = askAndAwait("[sim:tokens=8] Name three rivers");

    JsonObject listed =
        await(
            () ->
                page("/api/admin/generations?source=chat&user=demo&limit=100").stream()
                    .filter(g -> answer.equals(g.getString("reference", null)))
                    .findFirst());
    assertThat(listed.getString("status")).isEqualTo("completed");
    assertThat(listed.getString("owner")).isEqualTo("demo");
    assertThat(listed.getString("source")).isEqualTo("chat");
    assertThat(listed.getInt("attempts")).isGreaterThanOrEqualTo(1);
    assertThat(listed.getJsonNumber("outputTokens").longValue()).isPositive();
    assertThat(listed.getJsonNumber("costUsd").bigDecimalValue()).isPositive();
    assertThat(listed.getJsonNumber("totalMs").longValue()).isNotNegative();

    HttpResponse<String> one = admin().get("/api/admin/generations/" + listed.getString("id"));
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    JsonObject detail = Http.json(one).asJsonObject();
    JsonArray attempts = detail.getJsonArray("attemptList");
    assertThat(attempts).isNotEmpty();
    assertThat(attempts.getJsonObject(attempts.size() - 1).getString("outcome"))
        .isEqualTo("ADMITTED_COMPLETED");
    assertThat(detail.getJsonArray("fallbackChain")).isNotEmpty();
    assertThat(detail.getBoolean("textPersisted")).isTrue();
    assertThat(detail.getString("prompt")).contains("Name three rivers");
    assertThat(detail.getString("answer")).isNotBlank();
  }

  @Test
  void anAnswerWithoutReportedUsageIsRecordedWithEstimatedTokensAndPriced() {
    String answer = askAndAwait("[sim:no-usage] [sim:tokens=6] Describe a lake");
    String reported = askAndAwait("[sim:tokens=6] Describe a river");

    List<JsonObject> listed =
        await(
            () ->
                Optional.of(page("/api/admin/generations?source=chat&user=demo&limit=100"))
                    .filter(
                        p ->
                            p.stream()
                                    .filter(
                                        g ->
                                            List.of(answer, reported)
                                                .contains(g.getString("reference", null)))
                                    .count()
                                == 2));
    JsonObject estimated = byReference(listed, answer);
    assertThat(estimated.getBoolean("usageEstimated")).isTrue();
    assertThat(estimated.getJsonNumber("inputTokens").longValue()).isPositive();
    assertThat(estimated.getJsonNumber("outputTokens").longValue()).isPositive();
    assertThat(estimated.getJsonNumber("costUsd").bigDecimalValue()).isPositive();
    assertThat(byReference(listed, reported).getBoolean("usageEstimated")).isFalse();
    JsonObject detail =
        Http.json(admin().get("/api/admin/generations/" + estimated.getString("id")))
            .asJsonObject();
    assertThat(detail.getBoolean("usageEstimated")).isTrue();
  }

  private static JsonObject byReference(List<JsonObject> generations, String reference) {
    return generations.stream()
        .filter(g -> reference.equals(g.getString("reference", null)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void callsAreCountedInTheCostsAndTheOverview() {
    askAndAwait("[sim:tokens=5] Count me");
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    JsonObject demo =
        await(
            () -> {
              HttpResponse<String> costs = admin().get("/api/admin/costs?by=user&from=" + today);
              assertThat(costs.statusCode()).as(costs.body()).isEqualTo(200);
              return Http.json(costs).asJsonObject().getJsonArray("rows").stream()
                  .map(JsonObject.class::cast)
                  .filter(r -> r.getString("key").equals("demo"))
                  .findFirst();
            });
    assertThat(demo.getJsonNumber("calls").longValue()).isPositive();
    assertThat(demo.getJsonNumber("costUsd").bigDecimalValue()).isPositive();

    HttpResponse<String> response = admin().get("/api/admin/overview");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject overview = Http.json(response).asJsonObject();
    assertThat(overview.getInt("nodes")).isEqualTo(1);
    assertThat(overview.getJsonObject("today").getJsonNumber("calls").longValue()).isPositive();
    assertThat(overview.getJsonObject("chatJobs").getJsonNumber("completedLastHour").longValue())
        .isPositive();
    JsonArray lanes = overview.getJsonArray("lanes");
    assertThat(lanes).isNotEmpty();
    assertThat(lanes.getJsonObject(0).getString("breaker")).isNotBlank();
    JsonObject series = overview.getJsonObject("series");
    assertThat(series.getJsonArray("minutes")).hasSize(60);
    long calls =
        series.getJsonArray("calls").getValuesAs(jakarta.json.JsonNumber.class).stream()
            .mapToLong(jakarta.json.JsonNumber::longValue)
            .sum();
    assertThat(calls).isPositive();
  }

  @Test
  void pagesFollowTheCursorWithoutRepeats() {
    askAndAwait("[sim:tokens=3] one");
    askAndAwait("[sim:tokens=3] two");
    await(() -> Optional.of(page("/api/admin/generations?user=demo")).filter(p -> p.size() >= 2));

    HttpResponse<String> first = admin().get("/api/admin/generations?user=demo&limit=1");
    JsonObject body = Http.json(first).asJsonObject();
    String next = body.getString("next");
    HttpResponse<String> second =
        admin().get("/api/admin/generations?user=demo&limit=1&cursor=" + next);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    String firstId = body.getJsonArray("items").getJsonObject(0).getString("id");
    JsonObject secondItem = Http.json(second).asJsonObject().getJsonArray("items").getJsonObject(0);
    assertThat(secondItem.getString("id")).isNotEqualTo(firstId);
    assertThat(secondItem.getString("startedAt"))
        .isLessThanOrEqualTo(body.getJsonArray("items").getJsonObject(0).getString("startedAt"));
  }

  @Test
  void badParametersAreNamed() {
    assertField(admin().get("/api/admin/generations?status=bogus"), "status");
    assertField(admin().get("/api/admin/generations?source=elsewhere"), "source");
    assertField(admin().get("/api/admin/generations?from=yesterday"), "from");
    assertField(admin().get("/api/admin/generations?from=2026-11-22&to=2026-11-01"), "to");
    assertField(admin().get("/api/admin/generations?limit=0"), "limit");
    assertField(admin().get("/api/admin/generations?cursor=nonsense"), "cursor");
    assertField(admin().get("/api/admin/costs?by=planet"), "by");
    assertField(admin().get("/api/admin/costs?from=2020-01-01&to=2026-01-01"), "from");
    HttpResponse<String> missing = admin().get("/api/admin/generations/no-such-call");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  // --- helpers ---

  private Http admin() {
    return new Http(base).as(Credentials.admin());
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }

  private List<JsonObject> page(String path) {
    HttpResponse<String> response = admin().get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** Asks a question in a new chat as demo and waits for the answer; returns the answer's id. */
  private String askAndAwait(String question) {
    HttpResponse<String> created = demo().postJson("/api/chats", "{\"title\":\"generations\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String chat = Http.json(created).asJsonObject().getString("id");
    HttpResponse<String> posted =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/chats/" + chat + "/messages"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString("{\"content\":\"" + question + "\"}")));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String answer =
        Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
    new Answers(demo()).await(chat, answer, "completed"::equals);
    return answer;
  }

  private static <T> T await(Supplier<Optional<T>> probe) {
    return Poll.until(probe, () -> "the generation to be recorded");
  }
}
