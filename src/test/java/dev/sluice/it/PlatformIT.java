package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operational endpoints answer on a running Sluice: health, OpenAPI, metrics. */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void readinessIsUpWithTheDatabaseAndTheBatchRepository() {
    HttpResponse<String> response = Server.current().health(base).get("/health/ready");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject health = Http.json(response).asJsonObject();
    assertThat(health.getString("status")).isEqualTo("UP");
    JsonObject database = check(health.getJsonArray("checks"), "database");
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("product")).isNotBlank();
  }

  @Test
  void livenessIsUp() {
    HttpResponse<String> response = Server.current().health(base).get("/health/live");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            check(Http.json(response).asJsonObject().getJsonArray("checks"), "heap")
                .getString("status"))
        .isEqualTo("UP");
  }

  @Test
  void metricsAnswerInPrometheusFormat() {
    HttpResponse<String> response = Server.current().scrape(base);

    assertThat(response.statusCode()).isEqualTo(200);
    if (!Server.current().isWildFly()) { // WildFly's management interface sends no Content-Type
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }
    assertThat(response.body()).contains("# TYPE ").contains("jvm_uptime_seconds");
  }

  static JsonObject check(JsonArray checks, String name) {
    return checks.getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no health check named " + name + " in " + checks));
  }
}
