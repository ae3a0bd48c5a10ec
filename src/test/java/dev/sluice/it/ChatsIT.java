package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/chats} over HTTP as the test users {@code demo}, {@code demo2} and {@code admin},
 * whose passwords the build passes to the server and to the tests as {@code
 * sluice.users.<name>.password}.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatsIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  // --- without identity: these run today ---

  @Test
  void malformedJsonIsAClientErrorProblem() {
    HttpResponse<String> response = post(null, "/api/chats", "{\"title\": ", "application/json");

    assertClientProblem(response, 400, 401);
  }

  @Test
  void aWrongContentTypeIsAClientErrorProblem() {
    HttpResponse<String> response = post(null, "/api/chats", "title=x", "text/plain");

    assertClientProblem(response, 415, 401);
  }

  @Test
  void anonymousCallersAreTurnedAway() {
    HttpResponse<String> response = get(null, "/api/chats");

    assertClientProblem(response, 401);
  }

  @Test
  void anUnknownRouteBelowChatsIsAProblem() {
    HttpResponse<String> response = get(null, "/api/chats/x/y/z");

    assertClientProblem(response, 404, 401);
  }

  @Test
  void openApiDocumentsEveryChatOperation() {
    HttpResponse<String> response = new Http(base).root().get("/openapi?format=JSON");

    JsonObject paths = Http.json(response).asJsonObject().getJsonObject("paths");
    assertThat(paths.getJsonObject("/api/chats").keySet()).contains("get", "post");
    assertThat(paths.getJsonObject("/api/chats/{id}").keySet()).contains("get", "delete");
    JsonObject create = paths.getJsonObject("/api/chats").getJsonObject("post");
    assertThat(create.getString("summary")).isNotBlank();
    assertThat(create.getJsonObject("responses").keySet()).contains("201", "400", "401");
  }

  // --- signed in: these run once the build provides users ---

  @Test
  void createReadAndDeleteOwnChat() {
    String demo = demo();
    HttpResponse<String> created =
        post(demo, "/api/chats", "{\"title\":\"Rivers\",\"systemPrompt\":\"Be brief.\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
    JsonObject chat = Http.json(created).asJsonObject();
    assertThat(chat.getString("title")).isEqualTo("Rivers");
    assertThat(chat.getString("model")).isEqualTo("sim-large");
    assertThat(chat.getString("owner")).isEqualTo("demo");
    assertThat(location.getPath()).isEqualTo("/api/chats/" + chat.getString("id"));

    HttpResponse<String> read = get(demo, location.getPath());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.json(read).asJsonObject().getString("systemPrompt")).isEqualTo("Be brief.");

    assertThat(delete(demo, location.getPath()).statusCode()).isEqualTo(204);
    assertClientProblem(get(demo, location.getPath()), 404);
  }

  @Test
  void absentFieldsGetDefaults() {
    HttpResponse<String> created = post(demo(), "/api/chats", "{}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject chat = Http.json(created).asJsonObject();
    assertThat(chat.getString("title")).isEqualTo("New chat");
    assertThat(chat.getString("model")).isEqualTo("sim-large");
  }

  @Test
  void invalidFieldsAreNamed() {
    String demo = demo();
    assertField(post(demo, "/api/chats", "{\"model\":\"gpt-9\"}"), "model");
    assertField(post(demo, "/api/chats", "{\"title\":\"" + "t".repeat(201) + "\"}"), "title");
    assertField(
        post(demo, "/api/chats", "{\"systemPrompt\":\"" + "p".repeat(20_001) + "\"}"),
        "systemPrompt");
    assertField(get(demo, "/api/chats?limit=0"), "limit");
    assertField(get(demo, "/api/chats?limit=101"), "limit");
    assertField(get(demo, "/api/chats?limit=ten"), "limit");
    assertField(get(demo, "/api/chats?after=not-a-cursor"), "after");
  }

  @Test
  void listsOwnChatsNewestFirstPageByPage() {
    String demo = demo();
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mine.add(0, id(post(demo, "/api/chats", "{\"title\":\"page " + i + "\"}")));
    }

    List<String> listed = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      HttpResponse<String> page =
          get(demo, "/api/chats?limit=2" + (next == null ? "" : "&after=" + next));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonObject body = Http.json(page).asJsonObject();
      body.getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .peek(c -> assertThat(c.getString("owner")).isEqualTo("demo"))
          .forEach(c -> listed.add(c.getString("id")));
      next = body.containsKey("next") ? body.getString("next") : null;
      pages++;
    } while (next != null && pages < 1_000);

    assertThat(listed).doesNotHaveDuplicates();
    assertThat(listed.subList(0, 3)).as("the newest three, newest first").isEqualTo(mine);
  }

  @Test
  void othersSeeNothingButAnAdminMayReadAndDelete() {
    String demo = demo();
    String second = user("demo2");
    String admin = user("admin");
    String path = "/api/chats/" + id(post(demo, "/api/chats", "{\"title\":\"private\"}"));

    assertClientProblem(get(second, path), 404);
    assertClientProblem(delete(second, path), 404);
    assertClientProblem(get(second, "/api/chats/no-such-chat"), 404);
    assertThat(get(admin, path).statusCode()).isEqualTo(200);
    assertThat(delete(admin, path).statusCode()).isEqualTo(204);
    assertClientProblem(get(demo, path), 404);
  }

  // --- helpers ---

  private static String demo() {
    return user("demo");
  }

  /** Basic credentials of a configured test user. */
  private static String user(String name) {
    String password = System.getProperty("sluice.users." + name + ".password");
    if (password == null) {
      throw new IllegalStateException("the build passes no password for test user " + name);
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String id(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getString("id");
  }

  private HttpResponse<String> get(String auth, String path) {
    return new Http(base).send(authorized(HttpRequest.newBuilder(resolve(path)).GET(), auth));
  }

  private HttpResponse<String> delete(String auth, String path) {
    return new Http(base).send(authorized(HttpRequest.newBuilder(resolve(path)).DELETE(), auth));
  }

  private HttpResponse<String> post(String auth, String path, String json) {
    return post(auth, path, json, "application/json");
  }

  private HttpResponse<String> post(String auth, String path, String body, String type) {
    return new Http(base)
        .send(
            authorized(
                HttpRequest.newBuilder(resolve(path))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)),
                auth));
  }

  private URI resolve(String path) {
    return new Http(base).root().resolve(path);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String auth) {
    return auth == null ? request : request.header("Authorization", auth);
  }

  private static void assertField(HttpResponse<String> response, String field) {
    assertClientProblem(response, 400);
    JsonObject problem = Http.json(response).asJsonObject();
    assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains(field);
  }

  private static void assertClientProblem(HttpResponse<String> response, Integer... statuses) {
    assertThat(response.statusCode()).as(response.body()).isIn((Object[]) statuses);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonObject problem = Http.json(response).asJsonObject();
    assertThat(problem.getInt("status")).isEqualTo(response.statusCode());
    assertThat(response.body()).doesNotContain("Exception");
  }
}
