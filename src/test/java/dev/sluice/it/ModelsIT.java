package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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

/** The catalog and provider views over HTTP, with their errors as problem documents. */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelsIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void theSimulatedModelIsListedAvailableAndDefault() {
    HttpResponse<String> response = new Http(base).get("/api/models");

    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonObject> models = Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
    JsonObject sim = byId(models, "sim-large");
    assertThat(sim.getBoolean("available")).isTrue();
    assertThat(sim.getBoolean("isDefault")).isTrue();
    assertThat(sim.getJsonObject("price").getJsonNumber("output").doubleValue()).isPositive();
    assertThat(byId(models, "gpt-4o").getBoolean("available"))
        .as("no OpenAI key in tests")
        .isFalse();
  }

  @Test
  void aModelItsProviderAnswersInBatchesShowsItsBatchPriceAndTheSimulatedOnesDoNot() {
    List<JsonObject> models =
        Http.json(new Http(base).get("/api/models")).asJsonArray().getValuesAs(JsonObject.class);

    JsonObject mini = byId(models, "gpt-4o-mini");
    assertThat(mini.getJsonArray("capabilities").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .contains("BATCH");
    assertThat(mini.getJsonObject("batchPrice").getJsonNumber("input").bigDecimalValue())
        .isEqualByComparingTo("0.075");
    assertThat(byId(models, "sim-large").containsKey("batchPrice")).isFalse();
  }

  @Test
  void anUnknownModelIsAProblemDocument() {
    HttpResponse<String> response = new Http(base).get("/api/models/gpt-9");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonObject problem = Http.json(response).asJsonObject();
    assertThat(problem.getInt("status")).isEqualTo(404);
    assertThat(problem.getString("detail")).contains("gpt-9");
    assertThat(problem.getString("instance")).isEqualTo("/api/models/gpt-9");
  }

  @Test
  void anUnknownPathIsAProblemDocumentToo() {
    HttpResponse<String> response = new Http(base).get("/api/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void providersShowTheirKeyStateButNeverAKey() {
    HttpResponse<String> response = new Http(base).get("/api/providers");

    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonObject> providers = Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
    JsonObject simulated =
        providers.stream()
            .filter(p -> p.getString("name").equals("simulated"))
            .findFirst()
            .orElseThrow();
    assertThat(simulated.getBoolean("usable")).isTrue();
    assertThat(response.body()).doesNotContainIgnoringCase("apiKey\"").doesNotContain("sk-");
  }

  @Test
  void onlyAdminsSeeTheProvidersBaseUrls() {
    Map<String, Http> notAdmins =
        Map.of("anonymous", new Http(base), "demo", new Http(base).as(Credentials.demo()));
    for (Map.Entry<String, Http> caller : notAdmins.entrySet()) {
      HttpResponse<String> response = caller.getValue().get("/api/providers");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .as("as %s", caller.getKey())
          .doesNotContain("baseUrl")
          .doesNotContain("127.0.0.1")
          .doesNotContain("api.openai.com");
    }

    HttpResponse<String> response = new Http(base).as(Credentials.admin()).get("/api/providers");

    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonObject> providers = Http.json(response).asJsonArray().getValuesAs(JsonObject.class);
    assertThat(provider(providers, "openai").getString("baseUrl"))
        .isEqualTo("https://api.openai.com/v1");
    assertThat(provider(providers, "simhttp").getString("baseUrl"))
        .isEqualTo("http://127.0.0.1:" + System.getProperty("sluice.it.simulator-port") + "/v1");
  }

  @Test
  void readinessReportsEachProviderAndTheDefaultModel() {
    HttpResponse<String> response = Server.current().health(base).get("/health/ready");

    JsonObject providers =
        PlatformIT.check(Http.json(response).asJsonObject().getJsonArray("checks"), "providers");
    assertThat(providers.getString("status")).isEqualTo("UP");
    assertThat(providers.getJsonObject("data").getString("defaultModel")).isEqualTo("sim-large");
    assertThat(providers.getJsonObject("data").getString("openai")).contains("no key");
  }

  @Test
  void openApiDocumentsTheResources() {
    HttpResponse<String> response = new Http(base).root().get("/openapi?format=JSON");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject paths = Http.json(response).asJsonObject().getJsonObject("paths");
    assertThat(paths.keySet()).contains("/api/models", "/api/models/{id}", "/api/providers");
    assertThat(paths.getJsonObject("/api/models").getJsonObject("get").getString("summary"))
        .isNotBlank();
    JsonObject notFound =
        paths
            .getJsonObject("/api/models/{id}")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("404");
    assertThat(notFound.getJsonObject("content").keySet())
        .containsExactly("application/problem+json");
  }

  private static JsonObject provider(List<JsonObject> providers, String name) {
    return providers.stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no provider " + name + " in " + providers));
  }

  private static JsonObject byId(List<JsonObject> models, String id) {
    return models.stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no model " + id + " in " + models));
  }
}
