package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Under a backlog, urgent and high questions reach the provider before normal and low ones, though
 * asked after them: with {@code simulated/sim-small} narrowed to one call in flight and that call
 * held by a slow answer (5 s to its first token), every later question waits in the lane; one at a
 * time, each completes before the next is admitted, so the order of completion is the order of
 * admission.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPriorityIT {

  private static final String LANE_PATH = "/api/admin/lanes/simulated/sim-small";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @AfterEach
  void restore() {
    HttpResponse<String> restored =
        admin().send(HttpRequest.newBuilder(admin().resolve(LANE_PATH)).DELETE());
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
  }

  @Test
  void urgentAndHighQuestionsReachTheProviderBeforeNormalAndLowOnes() {
    HttpResponse<String> narrowed =
        admin()
            .send(
                HttpRequest.newBuilder(admin().resolve(LANE_PATH))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"maxInFlight\": 1}")));
    assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
    Answers answers = new Answers(demo());
    Asked blocker = ask("[sim:first-token=5000] [sim:tokens=2] hold the lane", "normal");
    answers.await(blocker.chat(), blocker.answer(), s -> s.equals("streaming"));

    List<Asked> later = new ArrayList<>();
    for (String priority : List.of("low", "normal", "low", "normal", "high", "urgent", "high")) {
      later.add(ask("[sim:tokens=2] " + priority + " question", priority));
    }

    List<Instant> first = new ArrayList<>();
    List<Instant> last = new ArrayList<>();
    for (Asked asked : later) {
      JsonObject done = answers.await(asked.chat(), asked.answer(), s -> s.equals("completed"));
      Instant completed = Instant.parse(done.getString("updatedAt"));
      boolean urgent = asked.priority().equals("urgent") || asked.priority().equals("high");
      (urgent ? first : last).add(completed);
    }
    Instant lastOfFirst = first.stream().max(Instant::compareTo).orElseThrow();
    Instant firstOfLast = last.stream().min(Instant::compareTo).orElseThrow();
    assertThat(lastOfFirst)
        .as("every urgent and high answer completed before any normal or low one")
        .isBefore(firstOfLast);
  }

  private record Asked(String chat, String answer, String priority) {}

  private Asked ask(String question, String priority) {
    HttpResponse<String> created =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/chats"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"priority\",\"model\":\"sim-small\"}")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String chat = Http.json(created).asJsonObject().getString("id");
    HttpResponse<String> posted =
        demo()
            .postJson(
                "/api/chats/" + chat + "/messages",
                "{\"content\":\"" + question + "\",\"priority\":\"" + priority + "\"}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String answer =
        Http.json(posted).asJsonObject().getJsonObject("assistantMessage").getString("id");
    return new Asked(chat, answer, priority);
  }

  private Http admin() {
    return new Http(base).root().as(Credentials.admin());
  }

  private Http demo() {
    return new Http(base).root().as(Credentials.demo());
  }
}
