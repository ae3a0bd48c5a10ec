package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single-document processing over HTTP: an upload with {@code ?analyze=} is answered 201 with its
 * analyses queued, and the document then shows them completed; bad parameters are a 400 naming the
 * parameter and store nothing; another user's document stays 404.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentAnalysesIT {

  /** Each analysis is a queued job and a paced call: longer than {@link Poll#WITHIN}. */
  private static final Duration ANALYSES_WITHIN = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  private final String marker = "it" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void anUploadAskingForAnalysesShowsThemCompleted() throws Exception {
    HttpResponse<String> created =
        upload(
            "?analyze=summary,sentiment",
            new MultipartBody()
                .file(
                    "file", marker + ".txt", "text/plain", utf8("Rivers flow north. I love it.")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject doc = Http.json(created).asJsonObject();
    assertThat(doc.getJsonArray("analyses").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("analysis") + ":" + a.getString("status"))
        .containsExactly("summary:queued", "sentiment:queued");
    String runId = doc.getJsonArray("analyses").getJsonObject(0).getString("runId");
    String path = "/api/documents/" + doc.getString("id");
    assertThat(doc.getJsonObject("links").getString("analyses")).isEqualTo(path);

    List<JsonObject> analyses = awaitAnalyses(path, 2);
    assertThat(analyses)
        .extracting(a -> a.getString("analysis"))
        .containsExactlyInAnyOrder("summary", "sentiment");
    for (JsonObject analysis : analyses) {
      assertThat(analysis.getString("status")).as(analysis.toString()).isEqualTo("completed");
      assertThat(analysis.getString("output")).isNotBlank();
      assertThat(analysis.getString("runId")).isEqualTo(runId);
      assertThat(analysis.getString("model")).isNotBlank();
      assertThat(analysis.getInt("outputTokens")).isPositive();
    }
    JsonObject sentiment =
        analyses.stream()
            .filter(a -> a.getString("analysis").equals("sentiment"))
            .findFirst()
            .get();
    assertThat(
            Json.createReader(new java.io.StringReader(sentiment.getString("output")))
                .readObject()
                .getString("label"))
        .isNotBlank();
    assertThat(batchIds()).as("upload runs are not batches").doesNotContain(runId);
  }

  @Test
  void jsonTextMayAskForAnalysesToo() throws Exception {
    HttpResponse<String> created =
        demo()
            .postJson(
                "/api/documents?analyze=key_points&priority=high",
                "{\"title\":\"" + marker + "\",\"text\":\"Rivers flow north. Lakes are still.\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/api/documents/" + Http.json(created).asJsonObject().getString("id");
    JsonObject keyPoints = awaitAnalyses(path, 1).get(0);
    assertThat(keyPoints.getString("status")).isEqualTo("completed");
    assertThat(keyPoints.getString("output")).startsWith("[");
  }

  @Test
  void badParametersAreNamedAndStoreNothing() {
    MultipartBody file =
        new MultipartBody().file("file", marker + ".txt", "text/plain", utf8("Some text."));

    assertField(upload("?analyze=summary,poetry", file), "analyze");
    assertField(upload("?analyze=", file), "analyze");
    assertField(upload("?analyze=custom", file), "instruction");
    assertField(upload("?analyze=summary&priority=soon", file), "priority");
    assertField(upload("?analyze=summary&model=no-such-model", file), "model");
    assertField(
        demo()
            .postJson(
                "/api/documents?analyze=poetry", "{\"title\":\"" + marker + "\",\"text\":\"x\"}"),
        "analyze");

    HttpResponse<String> mine = demo().get("/api/documents?title=" + marker);
    assertThat(Http.json(mine).asJsonObject().getJsonArray("items")).isEmpty();
  }

  @Test
  void anotherUsersDocumentStaysNotFound() {
    HttpResponse<String> created =
        upload(
            "?analyze=summary",
            new MultipartBody().file("file", marker + ".txt", "text/plain", utf8("Private.")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/api/documents/" + Http.json(created).asJsonObject().getString("id");

    assertProblem(new Http(base).as(Credentials.of("demo2")).get(path), 404);
    assertThat(new Http(base).as(Credentials.admin()).get(path).statusCode()).isEqualTo(200);
  }

  private List<JsonObject> awaitAnalyses(String path, int count) {
    JsonObject[] last = new JsonObject[1];
    return Poll.until(
        ANALYSES_WITHIN,
        () -> {
          HttpResponse<String> read = demo().get(path);
          assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
          last[0] = Http.json(read).asJsonObject();
          List<JsonObject> analyses =
              last[0].getJsonArray("analyses").getValuesAs(JsonObject.class);
          return Optional.of(analyses).filter(a -> a.size() >= count);
        },
        () -> count + " analyses of " + path + "; last seen " + last[0]);
  }

  private List<String> batchIds() {
    return Http.json(demo().get("/api/batches?limit=100"))
        .asJsonObject()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(b -> b.getString("id"))
        .toList();
  }

  private HttpResponse<String> upload(String query, MultipartBody form) {
    return demo()
        .send(
            HttpRequest.newBuilder(resolve("/api/documents" + query))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  private URI resolve(String path) {
    return new Http(base).root().resolve(path);
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
