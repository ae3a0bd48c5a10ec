package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static dev.sluice.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.documents.extract.SampleFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * {@code /api/documents} over HTTP: uploads of real files (made by the test), JSON text, a bulk
 * load, listing with filters and paging, ownership, and every kind of bad input answered with its
 * status and nothing stored. Each test marks its documents' titles with a fresh word to find only
 * its own.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentsIT {

  private static final String NDJSON = "application/x-ndjson";

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  private final String marker = "it" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPdfIsStoredWithItsText() {
    byte[] pdf = SampleFiles.pdf("Rivers of Europe", "The Rhine flows north.");
    HttpResponse<String> created =
        upload(demo(), new MultipartBody().file("file", marker + ".pdf", "application/pdf", pdf));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject doc = Http.json(created).asJsonObject();
    assertThat(doc.getString("title")).isEqualTo(marker + ".pdf");
    assertThat(doc.getString("contentType")).isEqualTo("application/pdf");
    assertThat(doc.getString("kind")).isEqualTo("text");
    assertThat(doc.getString("owner")).isEqualTo("demo");
    assertThat(doc.getJsonNumber("sizeBytes").longValue()).isEqualTo(pdf.length);
    assertThat(doc.getInt("tokenCount")).isPositive();
    assertThat(doc.getString("preview")).contains("Rivers of Europe").contains("The Rhine");
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(URI.create(location).getPath()).isEqualTo("/api/documents/" + doc.getString("id"));

    HttpResponse<String> read = demo().get(URI.create(location).getPath());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.json(read).asJsonObject().getInt("charCount"))
        .isEqualTo(doc.getInt("charCount"));
  }

  @Test
  void aTextFileTakesTheGivenTitleAndAWordFileIsRead() {
    MultipartBody text =
        new MultipartBody()
            .field("title", marker + " notes")
            .file("file", "notes.txt", "text/plain", utf8("Grüße from the notes."));
    MultipartBody word =
        new MultipartBody().file("file", "memo.docx", null, SampleFiles.docx("A Word memo."));

    JsonObject notes = created(upload(demo(), text));
    JsonObject memo = created(upload(demo(), word));

    assertThat(notes.getString("title")).isEqualTo(marker + " notes");
    assertThat(notes.getString("contentType")).isEqualTo("text/plain");
    assertThat(notes.getString("preview")).isEqualTo("Grüße from the notes.");
    assertThat(notes.getInt("charCount")).isEqualTo("Grüße from the notes.".length());
    assertThat(memo.getString("preview")).isEqualTo("A Word memo.");
  }

  @Test
  void aPngIsKeptAsItIsWithoutText() {
    byte[] png = SampleFiles.png();
    JsonObject image =
        created(upload(demo(), new MultipartBody().file("file", "dot.bin", "text/plain", png)));

    assertThat(image.getString("contentType")).as("the bytes win").isEqualTo("image/png");
    assertThat(image.getString("kind")).isEqualTo("image");
    assertThat(image.getJsonNumber("sizeBytes").longValue()).isEqualTo(png.length);
    assertThat(image.getInt("charCount")).isZero();
    assertThat(image.containsKey("preview")).isFalse();
    String path = "/api/documents/" + image.getString("id");
    assertThat(send(demo(), delete(path)).statusCode()).isEqualTo(204);
    assertProblem(demo().get(path), 404);
  }

  @Test
  void textSentAsJsonIsStored() {
    JsonObject doc =
        created(postJson(demo(), "{\"title\":\"" + marker + "\",\"text\":\"  Hello there. \"}"));

    assertThat(doc.getString("contentType")).isEqualTo("text/plain");
    assertThat(doc.getString("preview")).isEqualTo("Hello there.");
    assertThat(doc.getInt("charCount")).isEqualTo(12);
    assertThat(doc.getInt("tokenCount")).isPositive();
  }

  @Test
  void aThousandLinesLoadAndListPageByPageWithFilters() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1_000; i++) {
      lines.append(line(marker + " bulk " + i, "Document number " + i + ".")).append('\n');
    }

    HttpResponse<String> loaded = bulk(demo(), lines.toString());

    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    JsonObject result = Http.json(loaded).asJsonObject();
    assertThat(result.getInt("count")).isEqualTo(1_000);
    List<String> ids = result.getJsonArray("ids").getValuesAs(JsonString::getString);
    assertThat(ids).hasSize(1_000).doesNotHaveDuplicates();
    String filter = "title=" + encode(marker.toUpperCase() + " BULK");
    assertThat(listAll(demo(), filter + "&contentType=text/plain", 100))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listAll(demo(), filter + "&contentType=application/pdf", 100)).isEmpty();
    assertThat(listAll(demo(), "title=" + encode(marker + " bulk 1000"), 100))
        .containsExactly(ids.get(999));
  }

  @Test
  void othersSeeNothingButAnAdminMayReadAndDelete() {
    String path =
        "/api/documents/"
            + created(postJson(demo(), "{\"title\":\"" + marker + "\",\"text\":\"mine\"}"))
                .getString("id");
    Http second = new Http(base).as(Credentials.of("demo2"));
    Http admin = new Http(base).as(Credentials.admin());

    assertProblem(second.get(path), 404);
    assertProblem(send(second, delete(path)), 404);
    assertThat(listAll(second, "title=" + marker, 100)).isEmpty();
    assertThat(admin.get(path).statusCode()).isEqualTo(200);
    assertThat(send(admin, delete(path)).statusCode()).isEqualTo(204);
    assertProblem(demo().get(path), 404);
  }

  @Test
  void anUploadOverTheLimitIsRefusedWhetherItsLengthIsKnownOrNot() {
    byte[] big = new byte[20 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');
    MultipartBody form = new MultipartBody().file("file", "big.txt", "text/plain", big);
    byte[] body = form.bytes();

    HttpResponse<String> declared = upload(demo(), form);
    HttpResponse<String> streamed =
        send(
            demo(),
            HttpRequest.newBuilder(resolve("/api/documents"))
                .header("Content-Type", form.contentType())
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertProblem(declared, 413);
    assertProblem(streamed, 413);
  }

  @Test
  void filesOfOtherTypesOrWithoutTextAreRefusedByName() {
    byte[] binary = {0x00, 0x01, 0x02, (byte) 0xFE, (byte) 0xFF, 0x10, 0x00, 0x7F};
    byte[] brokenPdf = Arrays.copyOf(SampleFiles.pdf("Hello"), 40);

    HttpResponse<String> unsupported =
        upload(demo(), new MultipartBody().file("file", "blob.bin", "application/pdf", binary));
    HttpResponse<String> broken =
        upload(
            demo(), new MultipartBody().file("file", "broken.pdf", "application/pdf", brokenPdf));
    HttpResponse<String> noFile = upload(demo(), new MultipartBody().field("title", "no file"));

    assertProblem(unsupported, 415);
    assertThat(Http.json(unsupported).asJsonObject().getString("detail")).contains("'blob.bin'");
    assertProblem(broken, 422);
    assertThat(Http.json(broken).asJsonObject().getString("detail")).contains("'broken.pdf'");
    assertField(noFile, 400, "file");
  }

  @Test
  void malformedBodiesAndEmptyTextsAreBadRequestsNamingTheField() {
    assertProblem(postJson(demo(), "{\"title\": "), 400);
    assertProblem(
        send(
            demo(),
            HttpRequest.newBuilder(resolve("/api/documents"))
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("no boundary"))),
        400);
    assertField(postJson(demo(), "{\"title\":\"t\",\"text\":\"   \"}"), 400, "text");
    assertField(postJson(demo(), "{\"text\":\"words\"}"), 400, "title");
    assertProblem(
        send(
            demo(),
            HttpRequest.newBuilder(resolve("/api/documents"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<doc/>"))),
        415);
  }

  @Test
  void aBadBulkLineNamesItsLineAndStoresNothing() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1_200; i++) {
      lines.append(i == 1_100 ? "{\"title\":\"" + marker + "\"," : line(marker, "text " + i));
      lines.append('\n');
    }

    HttpResponse<String> refused = bulk(demo(), lines.toString());
    HttpResponse<String> emptyText = bulk(demo(), line(marker, "x") + "\n" + line(marker, " "));

    assertField(refused, 400, "lines[1100]");
    assertThat(Http.json(refused).asJsonObject().getString("detail")).contains("line 1100");
    assertField(emptyText, 400, "lines[2].text");
    assertThat(listAll(demo(), "title=" + marker, 100))
        .as("the chunks written before line 1100 were rolled back")
        .isEmpty();
  }

  @Test
  void openApiDocumentsTheDocumentsApi() {
    JsonObject paths =
        Http.json(new Http(base).root().get("/openapi?format=JSON"))
            .asJsonObject()
            .getJsonObject("paths");

    assertThat(paths.getJsonObject("/api/documents").keySet()).contains("get", "post");
    assertThat(paths.getJsonObject("/api/documents/{id}").keySet()).contains("get", "delete");
    assertThat(paths.getJsonObject("/api/documents/bulk").keySet()).contains("post");
  }

  // --- helpers ---

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }

  private HttpResponse<String> upload(Http as, MultipartBody form) {
    return send(
        as,
        HttpRequest.newBuilder(resolve("/api/documents"))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
  }

  private HttpResponse<String> postJson(Http as, String json) {
    return send(
        as,
        HttpRequest.newBuilder(resolve("/api/documents"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> bulk(Http as, String lines) {
    return send(
        as,
        HttpRequest.newBuilder(resolve("/api/documents/bulk"))
            .header("Content-Type", NDJSON)
            .POST(HttpRequest.BodyPublishers.ofString(lines)));
  }

  private HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(resolve(path)).DELETE();
  }

  private static HttpResponse<String> send(Http as, HttpRequest.Builder request) {
    return as.send(request);
  }

  /** Every id the listing gives for {@code query}, following the cursor page by page. */
  private static List<String> listAll(Http as, String query, int limit) {
    List<String> ids = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String next = null;
    do {
      String page = "/api/documents?limit=" + limit + "&" + query;
      HttpResponse<String> response = as.get(next == null ? page : page + "&after=" + next);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject body = Http.json(response).asJsonObject();
      body.getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .forEach(d -> ids.add(d.getString("id")));
      next = body.containsKey("next") ? body.getString("next") : null;
    } while (next != null && cursors.add(next));
    return ids;
  }

  private static String line(String title, String text) {
    return Json.createObjectBuilder().add("title", title).add("text", text).build().toString();
  }

  private URI resolve(String path) {
    return new Http(base).root().resolve(path);
  }

  private static JsonObject created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Http.json(response).asJsonObject();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
