package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chat jobs over HTTP as {@code demo}: a question is answered through the queue, the message-driven
 * bean and the admission gate (simulated provider); bad questions are refused without a trace;
 * answers can be cancelled; failures are recorded.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatJobsIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  /** The failure test trips the simulated provider's breaker: every test starts and ends closed. */
  @BeforeEach
  @AfterEach
  void closeTheBreaker() {
    SimulatedBreaker.close(base);
  }

  @Test
  void aQuestionIsAnsweredThroughTheQueue() {
    String chat = newChat();

    HttpResponse<String> posted =
        ask(chat, "{\"content\":\"[sim:tokens=12] Tell me about rivers\"}");

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    JsonObject body = Http.json(posted).asJsonObject();
    assertThat(body.getJsonObject("userMessage").getString("status")).isEqualTo("completed");
    JsonObject queued = body.getJsonObject("assistantMessage");
    assertThat(queued.getString("status")).isEqualTo("queued");
    assertThat(queued.getString("priority")).isEqualTo("high");
    JsonObject answer = awaitAnswer(chat, queued.getString("id"), s -> s.equals("completed"));
    assertThat(answer.getString("content")).isNotBlank();
    assertThat(answer.getInt("outputTokens")).isPositive();
    assertThat(answer.getInt("inputTokens")).isPositive();
    assertThat(answer.getJsonNumber("costUsd").bigDecimalValue()).isPositive();
    assertThat(answer.getString("modelAnswered")).isNotBlank();
    assertThat(answer.getInt("seq")).isEqualTo(2);
  }

  @Test
  void badQuestionsAreRefusedNamingTheFieldAndLeaveNothingBehind() {
    String chat = newChat();

    assertField(ask(chat, "{\"content\":\"\"}"), "content");
    assertField(ask(chat, "{\"content\":\"   \"}"), "content");
    assertField(ask(chat, "{\"content\":\"" + "x".repeat(32_001) + "\"}"), "content");
    assertField(ask(chat, "{\"content\":\"hi\",\"priority\":\"batch\"}"), "priority");
    assertField(ask(chat, "{\"content\":\"hi\",\"priority\":\"asap\"}"), "priority");
    assertField(ask(chat, "{\"content\":\"hi\",\"model\":\"no-such-model\"}"), "model");
    assertProblem(ask(chat, "{\"content\": "), 400);
    assertProblem(send(chat, "content=hi", "text/plain"), 415);

    assertThat(messages(chat)).isEmpty();
  }

  @Test
  void aSlowAnswerCanBeCancelledKeepingItsPartialText() {
    String chat = newChat();
    // 300 tokens 50 ms apart: the stream would take 15 s.
    String id =
        answerId(ask(chat, "{\"content\":\"[sim:tokens=300] [sim:delay=50] A long story\"}"));
    awaitStreamedText(chat, id);

    HttpResponse<String> cancel = http().post(messagesPath(chat) + "/" + id + "/cancel");

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    JsonObject answer = awaitAnswer(chat, id, s -> s.equals("cancelled"));
    assertThat(answer.getString("content")).isNotBlank();
    assertThat(answer.getString("errorCode")).isEqualTo("CANCELLED");
    assertProblem(http().post(messagesPath(chat) + "/" + id + "/cancel"), 409);
  }

  @Test
  void aProviderFailureIsRecordedWithItsCode() {
    String chat = newChat();
    String id =
        answerId(ask(chat, "{\"content\":\"[sim:server-error] Hello\",\"priority\":\"urgent\"}"));

    JsonObject answer = awaitAnswer(chat, id, s -> s.equals("failed"));

    assertThat(answer.getString("errorCode")).isNotBlank().isNotEqualTo("INTERNAL");
    assertThat(answer.getString("errorMessage")).doesNotContain("Exception");
  }

  @Test
  void anotherUserCannotSeeOrUseTheChatsMessages() {
    String chat = newChat();
    Http demo2 = new Http(base).root().as(Credentials.of("demo2"));

    assertProblem(demo2.get(messagesPath(chat)), 404);
    assertProblem(
        demo2.send(
            HttpRequest.newBuilder(demo2.resolve(messagesPath(chat)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}"))),
        404);
    assertThat(messages(chat)).isEmpty();
  }

  @Test
  void theMessagesApiIsDocumentedAndItsJobsAreCounted() {
    aQuestionIsAnsweredThroughTheQueue();

    JsonObject paths =
        Http.json(new Http(base).root().get("/openapi?format=JSON"))
            .asJsonObject()
            .getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/chats/{id}/messages").keySet()).contains("get", "post");
    assertThat(paths.getJsonObject("/api/chats/{id}/messages/{messageId}/cancel").keySet())
        .contains("post");
    String metrics = Server.current().applicationMetrics(base);
    assertThat(metrics)
        .containsPattern("sluice_chat_jobs_total\\{[^}]*outcome=\"completed\"")
        .contains("sluice_chat_jobs_running")
        .contains("sluice_chat_time_to_first_token_seconds")
        .contains("sluice_chat_tokens_total")
        .contains("sluice_chat_cost_usd");
  }

  // --- helpers ---

  private Http http() {
    return new Http(base).root().as(Credentials.demo());
  }

  private String newChat() {
    HttpResponse<String> created =
        http()
            .send(
                HttpRequest.newBuilder(http().resolve("/api/chats"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"jobs\"}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private static String messagesPath(String chat) {
    return "/api/chats/" + chat + "/messages";
  }

  private HttpResponse<String> ask(String chat, String json) {
    return send(chat, json, "application/json");
  }

  private HttpResponse<String> send(String chat, String body, String type) {
    return http()
        .send(
            HttpRequest.newBuilder(http().resolve(messagesPath(chat)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String answerId(HttpResponse<String> posted) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
  }

  private List<JsonObject> messages(String chat) {
    HttpResponse<String> response = http().get(messagesPath(chat) + "?limit=100");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
  }

  private JsonObject awaitAnswer(String chat, String id, Predicate<String> status) {
    return answers().await(chat, id, status);
  }

  /** Some text has streamed once a partial save shows it while the answer still streams. */
  private void awaitStreamedText(String chat, String id) {
    answers()
        .awaitWhere(
            chat,
            id,
            a -> a.getString("status").equals("streaming") && !a.getString("content").isBlank());
  }

  private Answers answers() {
    return new Answers(http());
  }
}
