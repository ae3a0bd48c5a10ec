package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * The console's cluster view over HTTP: the server that answers is a node that is up, with a fresh
 * heartbeat and a name; only admins see it.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminClusterIT {

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void theAnsweringServerIsANodeThatIsUpWithAFreshHeartbeat() {
    HttpResponse<String> response =
        new Http(base).as(Credentials.admin()).get("/api/admin/cluster");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject cluster = Http.json(response).asJsonObject();
    assertThat(cluster.getInt("up")).isGreaterThanOrEqualTo(1);
    List<JsonObject> self =
        cluster.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
            .filter(n -> n.getBoolean("self"))
            .toList();
    assertThat(self).hasSize(1);
    JsonObject node = self.get(0);
    assertThat(node.getString("state")).isEqualTo("up");
    assertThat(node.getString("name")).isNotBlank();
    assertThat(node.getString("id")).hasSize(36);
    Instant heartbeat = Instant.parse(node.getString("heartbeatAt"));
    // Beats every 5 s by default; a minute allows for a loaded machine.
    assertThat(Duration.between(heartbeat, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(node.getJsonNumber("streamingAnswers").longValue()).isNotNegative();
  }

  @Test
  void onlyAdminsSeeTheCluster() {
    assertThat(new Http(base).get("/api/admin/cluster").statusCode()).isEqualTo(401);
    assertThat(new Http(base).as(Credentials.demo()).get("/api/admin/cluster").statusCode())
        .isEqualTo(403);
  }
}
