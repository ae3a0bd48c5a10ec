package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.llm.simulated.SimulatorSettings;
import dev.sluice.simulator.BatchSettings;
import dev.sluice.simulator.SimulatorServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's page of a provider-mode batch (issue 16), in headless Chromium: it shows the mode
 * and the provider batch at the provider while the batch waits, and its stop button cancels the
 * provider batch, the page then showing it cancelled and collected. The simulator's provider
 * batches take a minute here, so only the stop ends this one.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderBatchConsoleIT {

  private static SimulatorServer simulator;

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @RegisterExtension static final Browser browser = new Browser();

  @BeforeAll
  static void startSimulator() {
    simulator =
        HttpSimulator.start(
            SimulatorSettings.from(Map.of()),
            BatchSettings.defaults().withProcessingTime(Duration.ofSeconds(60)));
  }

  @AfterAll
  static void stopSimulator() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void aWaitingProviderBatchShowsItsProviderBatchAndItsStopButtonCancelsIt() throws Exception {
    String id = providerBatch(3);
    WebDriver page = browser.signIn(base + "admin/", Credentials.admin());
    browser.open(base + "admin/#/batches/" + id);

    browser.await(
        60, d -> "waiting".equals(d.findElement(By.id("page")).getAttribute("data-status")));
    browser.await(
        30,
        d ->
            !d.findElements(By.cssSelector("#provider-batches tbody tr")).isEmpty()
                && d.findElement(By.cssSelector("#provider-batches tbody tr"))
                    .getText()
                    .contains("in_progress"));
    assertThat(page.findElement(By.cssSelector("[data-fact='mode']")).getText())
        .isEqualTo("provider");
    assertThat(page.findElement(By.cssSelector("#provider-batches tbody tr")).getText())
        .contains("batch_sim")
        .contains("waiting");
    browser.screenshot("admin-provider-batch-waiting");

    browser.await(20, ExpectedConditions.elementToBeClickable(By.id("batch-stop"))).click();
    browser.await(10, ExpectedConditions.alertIsPresent()).accept();

    browser.await(
        60, d -> "stopped".equals(d.findElement(By.id("page")).getAttribute("data-status")));
    browser.await(
        20,
        d ->
            d.findElement(By.cssSelector("#provider-batches tbody tr"))
                .getText()
                .contains("cancelled"));
    assertThat(page.findElement(By.cssSelector("#provider-batches tbody tr")).getText())
        .contains("collected");
    browser.screenshot("admin-provider-batch-stopped");
  }

  /** A provider-mode batch of {@code n} new documents of demo's, summaries on sim-http. */
  private String providerBatch(int n) {
    Http demo = new Http(base).as(Credentials.demo());
    var ids = Json.createArrayBuilder();
    TextDocuments.upload(demo, n, "Console provider doc " + UUID.randomUUID(), "A river report.")
        .forEach(ids::add);
    HttpResponse<String> submitted =
        demo.postJson(
            "/api/batches",
            Json.createObjectBuilder()
                .add("documentIds", ids)
                .add("analyses", Json.createArrayBuilder().add("summary"))
                .add("model", "sim-http")
                .add("mode", "provider")
                .build()
                .toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonObject batch = Http.json(submitted).asJsonObject();
    return batch.getString("id");
  }
}
