package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Renaming a chat, regenerating its latest answer and editing its latest question, over HTTP: the
 * new versions are kept beside the old, later prompts carry only the new ones (seen in the input
 * tokens the provider was sent), and what cannot be done is a 4xx problem naming why.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatVersionsIT {

  /** About 300 tokens, said back by the simulator, so a prompt's size shows what it carried. */
  private static final String LONG =
      IntStream.range(0, 300).mapToObj(i -> "word" + (i % 10)).collect(Collectors.joining(" "));

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void aChatIsRenamedAndABadTitleIsRefusedByName() {
    Http demo = demo();
    String chat = newChat(demo);

    HttpResponse<String> renamed = patch(demo, "/api/chats/" + chat, "{\"title\": \" Plans \"}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(Http.json(renamed).asJsonObject().getString("title")).isEqualTo("Plans");
    assertThat(Http.json(demo.get("/api/chats/" + chat)).asJsonObject().getString("title"))
        .isEqualTo("Plans");

    assertField(patch(demo, "/api/chats/" + chat, "{\"title\": \"  \"}"), "title");
    assertField(patch(demo, "/api/chats/" + chat, "{}"), "title");
    assertField(
        patch(demo, "/api/chats/" + chat, "{\"title\": \"" + "x".repeat(201) + "\"}"), "title");
    assertProblem(patch(demo, "/api/chats/" + chat, "{\"title\": "), 400);
    assertProblem(
        patch(
            new Http(base).as(Credentials.of("demo2")), "/api/chats/" + chat, "{\"title\": \"x\"}"),
        404);
  }

  @Test
  void aRegeneratedAnswerReplacesTheOldOneInLaterPrompts() {
    Http demo = demo();
    Answers answers = new Answers(demo);
    String chat = newChat(demo);
    JsonObject first =
        ask(demo, chat, "[sim:say delay=1]" + LONG, null).getJsonObject("assistantMessage");
    answers.await(chat, first.getString("id"), "completed"::equals);

    HttpResponse<String> regenerated =
        demo.postJson(
            "/api/chats/" + chat + "/messages/" + first.getString("id") + "/regenerate", "{}");
    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(202);
    JsonObject second = Http.json(regenerated).asJsonObject();
    assertThat(second.getInt("seq")).isEqualTo(3);
    assertThat(second.getInt("replaces")).isEqualTo(2);
    assertThat(second.getString("status")).isEqualTo("queued");
    JsonObject secondDone = answers.await(chat, second.getString("id"), "completed"::equals);
    assertThat(secondDone.getString("content")).isEqualTo(LONG);

    assertProblem(
        demo.postJson(
            "/api/chats/" + chat + "/messages/" + first.getString("id") + "/regenerate", "{}"),
        409);
    assertField(
        demo.postJson(
            "/api/chats/" + chat + "/messages/" + second.getString("id") + "/regenerate",
            "{\"priority\": \"bulk\"}"),
        "priority");

    // The question, one answer and the new question: about 600 tokens, not the 900 all three
    // answers' versions would make.
    JsonObject followUp =
        ask(demo, chat, "[sim:say delay=1]ok", null).getJsonObject("assistantMessage");
    int prompt =
        answers.await(chat, followUp.getString("id"), "completed"::equals).getInt("inputTokens");
    int question = secondDone.getInt("outputTokens");
    assertThat(prompt).isBetween(2 * question, 2 * question + 60);
  }

  @Test
  void anAnswerStillBeingWrittenCannotBeRegeneratedNorItsQuestionEdited() {
    Http demo = demo();
    String chat = newChat(demo);
    JsonObject posted = ask(demo, chat, "[sim:say first-token=20s]slow", null);
    String answer = posted.getJsonObject("assistantMessage").getString("id");
    String question = posted.getJsonObject("userMessage").getString("id");

    assertProblem(
        demo.postJson("/api/chats/" + chat + "/messages/" + answer + "/regenerate", "{}"), 409);
    assertProblem(
        demo.postJson(
            "/api/chats/" + chat + "/messages",
            "{\"content\": \"edited\", \"replaces\": \"" + question + "\"}"),
        409);

    demo.post("/api/chats/" + chat + "/messages/" + answer + "/cancel");
    new Answers(demo).await(chat, answer, "cancelled"::equals);
  }

  @Test
  void anEditedQuestionLeavesTheOldOneAndItsAnswersOutOfThePrompt() {
    Http demo = demo();
    Answers answers = new Answers(demo);
    String chat = newChat(demo);
    JsonObject first = ask(demo, chat, "[sim:say delay=1]" + LONG, null);
    String firstQuestion = first.getJsonObject("userMessage").getString("id");
    answers.await(
        chat, first.getJsonObject("assistantMessage").getString("id"), "completed"::equals);

    assertField(
        demo.postJson(
            "/api/chats/" + chat + "/messages",
            "{\"content\": \"x\", \"replaces\": \"no-such-message\"}"),
        "replaces");
    JsonObject edited = ask(demo, chat, "[sim:say delay=1]short", firstQuestion);
    assertThat(edited.getJsonObject("userMessage").getInt("replaces")).isEqualTo(1);
    assertThat(edited.getJsonObject("userMessage").getInt("seq")).isEqualTo(3);
    JsonObject answer =
        answers.await(
            chat, edited.getJsonObject("assistantMessage").getString("id"), "completed"::equals);
    assertThat(answer.getString("content")).isEqualTo("short");
    assertThat(answer.getInt("inputTokens")).as("only the edited question").isLessThan(40);

    // Only the latest question can be edited.
    ask(demo, chat, "[sim:say delay=1]next", null);
    assertProblem(
        demo.postJson(
            "/api/chats/" + chat + "/messages",
            "{\"content\": \"again\", \"replaces\": \""
                + edited.getJsonObject("userMessage").getString("id")
                + "\"}"),
        409);
  }

  @Test
  void openApiDocumentsRenameAndRegenerate() {
    JsonObject paths =
        Http.json(new Http(base).root().get("/openapi?format=JSON"))
            .asJsonObject()
            .getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/chats/{id}").keySet()).contains("patch");
    assertThat(paths.getJsonObject("/api/chats/{id}/messages/{messageId}/regenerate").keySet())
        .contains("post");
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }

  private static String newChat(Http user) {
    HttpResponse<String> created = user.postJson("/api/chats", "{\"title\": \"versions\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private static JsonObject ask(Http user, String chat, String content, String replaces) {
    var body = Json.createObjectBuilder().add("content", content);
    if (replaces != null) {
      body.add("replaces", replaces);
    }
    HttpResponse<String> posted =
        user.postJson("/api/chats/" + chat + "/messages", body.build().toString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Http.json(posted).asJsonObject();
  }

  private static HttpResponse<String> patch(Http user, String path, String json) {
    return user.send(
        HttpRequest.newBuilder(user.resolve(path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }
}
