package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Every JSON request body is read strictly on the real server (issue 12, item 9): trailing content,
 * an array for an object, a member given twice, a number for a string, {@code 1.5} or {@code "4"}
 * for an integer and a title longer than its column are each a 400 problem naming the field, and
 * nothing is stored. Each test marks what it sends with a fresh word to count only its own records.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StrictJsonIT {

  private static final String LANE_PATH = "/api/admin/lanes/simulated/sim-small";
  private static final String AFTER = "unexpected content after the JSON value";
  private static final String STRING = "must be a string";
  private static final String INTEGER = "must be an integer";
  private static final String TWICE = "given more than once";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  private final String marker = "strict" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aDocumentBodyThatIsNotExactlyOneWellTypedObjectIsRefusedAndNothingStored() {
    String doc = "{\"title\":\"" + marker + "\",\"text\":\"Some text.\"}";

    assertRefused(demo().postJson("/api/documents", doc + " trailing"), "body", AFTER);
    assertRefused(demo().postJson("/api/documents", doc + doc), "body", AFTER);
    assertRefused(
        demo().postJson("/api/documents", "[" + doc + "]"), "body", "must be a JSON object");
    assertRefused(
        demo().postJson("/api/documents", "{\"title\":1,\"text\":\"t\"}"), "title", STRING);
    assertField(
        demo().postJson("/api/documents", "{\"title\":\"" + marker + "\",\"text\":[\"t\"]}"),
        "text");
    assertField(
        demo()
            .postJson(
                "/api/documents", "{\"title\":\"" + marker + "\",\"title\":\"x\",\"text\":\"t\"}"),
        "title");

    assertThat(myDocuments()).isEmpty();
    assertThat(demo().postJson("/api/documents", doc).statusCode()).isEqualTo(201);
    assertThat(myDocuments()).hasSize(1);
  }

  @Test
  void aTitleLongerThanItsColumnIsRefusedSoWhatIsEchoedIsWhatIsStored() {
    String megabyte = marker + "t".repeat(1_000_000);
    assertRefused(
        demo().postJson("/api/documents", document(megabyte)), "title", "at most 500 characters");
    assertField(demo().postJson("/api/documents", document(marker + "t".repeat(501))), "title");
    MultipartBody form =
        new MultipartBody()
            .field("title", marker + "t".repeat(501))
            .file("file", "notes.txt", "text/plain", "Notes.".getBytes(StandardCharsets.UTF_8));
    assertField(upload(form), "title");
    assertThat(myDocuments()).isEmpty();

    String longest = marker + "t".repeat(500 - marker.length());
    HttpResponse<String> created = demo().postJson("/api/documents", document(longest));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String echoed = Http.json(created).asJsonObject().getString("title");
    String stored =
        Http.json(demo().get("/api/documents/" + Http.json(created).asJsonObject().getString("id")))
            .asJsonObject()
            .getString("title");
    assertThat(echoed).isEqualTo(longest).isEqualTo(stored);
  }

  @Test
  void aBulkLineWithContentAfterItsObjectStoresNoLine() {
    String good = document(marker + " first");
    String lines = good + "\n" + document(marker + " second") + " {}\n";

    HttpResponse<String> refused =
        demo()
            .send(
                HttpRequest.newBuilder(demo().resolve("/api/documents/bulk"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(lines)));

    assertField(refused, "lines[2]");
    assertThat(myDocuments()).isEmpty();
  }

  @Test
  void aNumberForTheQuestionIsRefusedAndNoMessageStored() {
    String chat = newChat();
    String messages = "/api/chats/" + chat + "/messages";

    assertRefused(demo().postJson(messages, "{\"content\":1}"), "content", STRING);
    assertField(demo().postJson(messages, "{\"content\":\"Hi\",\"priority\":2}"), "priority");
    assertRefused(
        demo().postJson(messages, "{\"content\":\"Hi\"} {\"content\":\"x\"}"), "body", AFTER);
    assertField(demo().postJson(messages, "[{\"content\":\"Hi\"}]"), "body");

    HttpResponse<String> listed = demo().get(messages);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(Http.json(listed).asJsonArray()).isEmpty();
  }

  @Test
  void aChatOfTheWrongShapeIsNotCreated() {
    assertField(demo().postJson("/api/chats", "{\"title\":[\"" + marker + "\"]}"), "title");
    assertField(demo().postJson("/api/chats", "{\"title\":\"" + marker + "\"}x"), "body");
    assertField(
        demo().postJson("/api/chats", "{\"title\":\"" + marker + "\",\"systemPrompt\":true}"),
        "systemPrompt");

    assertThat(myChatTitles()).doesNotContain(marker);
  }

  @Test
  void anIntegerGivenAsAFractionOrAStringIsRefusedAndNoBatchStarts() {
    String doc = created(demo().postJson("/api/documents", document(marker)));
    int before = myBatchCount();

    assertRefused(batch(doc, ",\"maxConcurrency\":1.5"), "maxConcurrency", INTEGER);
    assertRefused(batch(doc, ",\"maxConcurrency\":\"4\""), "maxConcurrency", INTEGER);
    assertField(batch(doc, ",\"partitions\":1e10"), "partitions");
    HttpResponse<String> wrongId =
        demo()
            .postJson(
                "/api/batches", "{\"documentIds\":[\"" + doc + "\",7],\"analyses\":[\"summary\"]}");
    assertRefused(wrongId, "documentIds[1]", STRING);
    assertField(
        demo()
            .postJson(
                "/api/batches",
                "{\"documentIds\":[],\"filter\":{\"title\":5},\"analyses\":[\"summary\"]}"),
        "filter.title");

    assertThat(myBatchCount()).isEqualTo(before);
  }

  @Test
  void aLaneChangeWithContentAfterItChangesNothing() {
    JsonObject before = Http.json(admin().get(LANE_PATH)).asJsonObject();

    assertRefused(put(LANE_PATH, "{\"maxInFlight\": 3} {\"maxInFlight\": 4}"), "body", AFTER);
    assertRefused(put(LANE_PATH, "{\"maxInFlight\": 3, \"maxInFlight\": 4}"), "maxInFlight", TWICE);

    JsonObject after = Http.json(admin().get(LANE_PATH)).asJsonObject();
    assertThat(after.get("override")).isEqualTo(before.get("override"));
  }

  /** A 400 naming {@code field} with {@code message}: the strict reader's words, not JSON-B's. */
  private static void assertRefused(HttpResponse<String> response, String field, String message) {
    assertField(response, field);
    assertThat(
            Http.json(response).asJsonObject().getJsonArray("errors").getValuesAs(JsonObject.class))
        .anySatisfy(
            e -> {
              assertThat(e.getString("field")).isEqualTo(field);
              assertThat(e.getString("message")).startsWith(message);
            });
  }

  private HttpResponse<String> batch(String doc, String more) {
    return demo()
        .postJson(
            "/api/batches",
            "{\"documentIds\":[\"" + doc + "\"],\"analyses\":[\"summary\"]" + more + "}");
  }

  private HttpResponse<String> upload(MultipartBody form) {
    return demo()
        .send(
            HttpRequest.newBuilder(demo().resolve("/api/documents"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  private HttpResponse<String> put(String path, String json) {
    return admin()
        .send(
            HttpRequest.newBuilder(admin().resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private String newChat() {
    return created(demo().postJson("/api/chats", "{\"title\":\"" + marker + "\"}"));
  }

  /** The caller's documents whose title holds this test's marker. */
  private List<JsonObject> myDocuments() {
    String title = URLEncoder.encode(marker, StandardCharsets.UTF_8);
    HttpResponse<String> listed = demo().get("/api/documents?limit=100&title=" + title);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    return Http.json(listed).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private List<String> myChatTitles() {
    return Http.json(demo().get("/api/chats?limit=100"))
        .asJsonObject()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(c -> c.getString("title"))
        .toList();
  }

  private int myBatchCount() {
    return Http.json(demo().get("/api/batches?limit=100"))
        .asJsonObject()
        .getJsonArray("items")
        .size();
  }

  private static String document(String title) {
    return Json.createObjectBuilder()
        .add("title", title)
        .add("text", "Some text.")
        .build()
        .toString();
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return Http.json(response).asJsonObject().getString("id");
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }

  private Http admin() {
    return new Http(base).as(Credentials.admin());
  }
}
