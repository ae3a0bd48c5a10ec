package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the console's API, as the OpenAPI document lists them (so an endpoint added
 * later is covered without touching this test), refuses a user with 403 and an anonymous caller
 * with 401; the console's pages send an anonymous browser to sign in and refuse a user.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  private record Operation(String method, String path) {}

  @Test
  void everyAdminOperationRefusesUsersAndAnonymousCallers() {
    List<Operation> operations = adminOperations();
    assertThat(operations)
        .extracting(Operation::path)
        .contains("/api/admin/overview", "/api/admin/generations", "/api/admin/costs");

    for (Operation op : operations) {
      // A colon too: WildFly's Elytron once answered a refused caller's colon with a 500.
      for (String id : List.of("x", "ID:x")) {
        HttpResponse<String> asUser = new Http(base).as(Credentials.demo()).send(request(op, id));
        assertThat(asUser.statusCode()).as(op + " as demo: " + asUser.body()).isEqualTo(403);
        HttpResponse<String> anonymous = new Http(base).send(request(op, id));
        assertThat(anonymous.statusCode()).as(op + " anonymous").isEqualTo(401);
      }
    }
  }

  @Test
  void theConsolePagesAreForAdminsOnly() {
    HttpResponse<String> anonymous = new Http(base).send(page("/admin/"));
    assertThat(anonymous.statusCode()).isIn(302, 303);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("signin");

    HttpResponse<String> asUser = new Http(base).as(Credentials.demo()).send(page("/admin/"));
    assertThat(asUser.statusCode()).isEqualTo(403);
  }

  private HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(new Http(base).resolve(path)).header("Accept", "text/html").GET();
  }

  private HttpRequest.Builder request(Operation op, String id) {
    String path = op.path().replaceAll("\\{[^}]+}", id);
    HttpRequest.Builder request = HttpRequest.newBuilder(new Http(base).resolve(path));
    return switch (op.method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default ->
          request
              .header("Content-Type", "application/json")
              .method(op.method(), HttpRequest.BodyPublishers.ofString("{}"));
    };
  }

  private List<Operation> adminOperations() {
    HttpResponse<String> document = new Http(base).root().get("/openapi?format=JSON");
    assertThat(document.statusCode()).isEqualTo(200);
    JsonObject paths = Http.json(document).asJsonObject().getJsonObject("paths");
    List<Operation> operations = new ArrayList<>();
    for (String path : paths.keySet()) {
      if (!path.startsWith("/api/admin/") && !path.equals("/api/admin")) {
        continue;
      }
      for (String method : paths.getJsonObject(path).keySet()) {
        if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
          operations.add(new Operation(method.toUpperCase(Locale.ROOT), path));
        }
      }
    }
    return operations;
  }
}
