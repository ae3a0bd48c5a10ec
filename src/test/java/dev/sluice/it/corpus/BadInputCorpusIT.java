package dev.sluice.it.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.it.Credentials;
import dev.sluice.it.Http;
import dev.sluice.it.SluiceDeployment;
import dev.sluice.it.corpus.CorpusCase.Creates;
import dev.sluice.it.corpus.CorpusCase.Who;
import dev.sluice.it.corpus.Verdict.Finding;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-input corpus against the real server: every case generated from {@code /openapi}, the
 * hand cases and the WebSocket frames. Not one may be answered with a 5xx, internals, or a 4xx that
 * is not a problem document naming the spoiled field; what the refused requests leave behind is
 * counted through the API and must be nothing. The report lists every case with its answer.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputCorpusIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void noHostileInputReachesAServerErrorInternalsOrARecord() throws Exception {
    Http http = new Http(base);
    Http demo = http.as(Credentials.demo());
    Fixtures fixtures = fixtures(demo, http);
    RecordCounts counts = new RecordCounts(demo, fixtures.chatId());
    int messagesPerQuestion = messagesPerQuestion(demo, fixtures, counts);
    Map<Creates, Integer> before = counts.now();

    URI root = URI.create(base.toString()).resolve("/");
    Sender sender =
        new Sender(root, Map.of(Who.DEMO, Credentials.demo(), Who.ADMIN, Credentials.admin()));
    CorpusReport report = new CorpusReport();
    JsonObject openApi = Http.json(http.root().get("/openapi?format=JSON")).asJsonObject();
    for (CorpusCase c : new OpenApiCases(openApi, fixtures).all()) {
      Outcome outcome = sender.send(c);
      report.add(c.name(), c, outcome, Verdict.judge(c, outcome));
    }
    String host = root.getAuthority();
    for (HandCases.Hand hand : HandCases.load(fixtures, host)) {
      CorpusCase c = hand.request();
      Outcome outcome = hand.raw() == null ? sender.send(c) : sender.sendRaw(hand.raw());
      report.add(c.name(), c, outcome, Verdict.judge(c, outcome));
    }
    SocketFrames sockets = new SocketFrames(root, Credentials.demo());
    for (SocketCase c : SocketFrames.cases(fixtures)) {
      List<Finding> findings = sockets.send(c);
      report.addSocket("ws " + c.path() + " " + c.name(), findings);
    }
    http.as(Credentials.admin())
        .send(
            java.net.http.HttpRequest.newBuilder(
                    http.resolve("/api/admin/lanes/" + fixtures.lane()))
                .DELETE());

    Map<Creates, Integer> expected = report.expected(before, messagesPerQuestion);
    Map<Creates, Integer> after = counts.now();
    report.write(java.nio.file.Path.of("target", "bad-input-corpus.txt"), expected, after);

    assertThat(report.findings()).as(report.summary()).isEmpty();
    assertThat(after).as("records counted through the API after the corpus").isEqualTo(expected);
    assertThat(report.tried()).as("requests and frames tried").isGreaterThanOrEqualTo(300);
  }

  private static Fixtures fixtures(Http demo, Http http) {
    String chat = id(demo.postJson("/api/chats", "{\"title\":\"corpus\"}"));
    String document =
        id(demo.postJson("/api/documents", "{\"title\":\"corpus\",\"text\":\"Corpus text.\"}"));
    String batch =
        id(
            demo.postJson(
                "/api/batches",
                "{\"documentIds\":[\"" + document + "\"],\"analyses\":[\"summary\"]}"));
    String model =
        Http.json(http.get("/api/models")).asJsonArray().getJsonObject(0).getString("id");
    return new Fixtures(chat, document, batch, "simulated/sim-small", model);
  }

  /** How many messages one accepted question adds to a chat's list (the question, its answer). */
  private static int messagesPerQuestion(Http demo, Fixtures fixtures, RecordCounts counts) {
    int before = counts.now().get(Creates.MESSAGE);
    HttpResponse<String> asked =
        demo.postJson(
            "/api/chats/" + fixtures.chatId() + "/messages", "{\"content\":\"Corpus question.\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    return counts.now().get(Creates.MESSAGE) - before;
  }

  private static String id(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isBetween(200, 202);
    return Http.json(created).asJsonObject().getString("id");
  }
}
