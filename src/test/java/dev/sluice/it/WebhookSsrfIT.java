package dev.sluice.it;

import static dev.sluice.it.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.testing.Poll;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batch webhooks and request forgery (issue 12): a listener on loopback hears nothing by default,
 * whether the URL names loopback outright (400 at submission, nothing stored) or through a name
 * that resolves to it (refused when due, not retried); and it hears the webhook once allow-listed,
 * on its port only.
 */
@Tag("black-box")
@ExtendWith(ArquillianExtension.class)
class WebhookSsrfIT {

  private static final Pattern REFUSED =
      Pattern.compile(
          "^sluice_webhook_deliveries_total\\{[^}]*outcome=\"refused\"[^}]*\\}\\s+(\\S+)",
          Pattern.MULTILINE);
  // MicroProfile Fault Tolerance's count of calls that ended, never retried, on an exception it
  // must not retry (abortOn).
  private static final Pattern NOT_RETRIED =
      Pattern.compile(
          "^ft_retry_calls_total\\{(?=[^}]*method=\"dev\\.sluice\\.documents\\.batch\\.webhook"
              + "\\.WebhookClient\\.post\")(?=[^}]*retried=\"false\")"
              + "(?=[^}]*retryResult=\"exceptionNotRetryable\")[^}]*\\}"
              + "\\s+(\\S+)",
          Pattern.MULTILINE);

  @Deployment(testable = false)
  static WebArchive app() {
    return SluiceDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void loopbackAndItsDisguisesAreRefusedAtSubmissionAndNothingIsStored() throws Exception {
    String doc = TextDocuments.upload(demo(), 1, "Hook doc", "Short.").get(0);
    int before = myBatchCount();
    try (WebhookListener listener = WebhookListener.on(InetAddress.getLoopbackAddress())) {
      int p = listener.port();
      List<String> urls =
          List.of(
              "http://127.0.0.1:" + p + "/hook",
              "http://localhost:" + p + "/hook",
              "http://2130706433:" + p + "/hook",
              "http://0.0.0.0:" + p + "/hook",
              "http://[::1]:" + p + "/hook",
              "http://[::ffff:127.0.0.1]:" + p + "/hook",
              "http://127.0.0.1:" + base.getPort() + "/api/admin/lanes",
              "http://169.254.169.254/latest/meta-data/",
              "https://user:secret@hooks.example.com/hook",
              "https://hooks.example.com/" + "a".repeat(2000));
      for (String url : urls) {
        assertField(submit(doc, url), "webhookUrl");
      }
      assertThat(myBatchCount()).isEqualTo(before);
      assertThat(listener.bodies()).isEmpty();
    }
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefusedWhenTheWebhookIsDue() throws Exception {
    // The machine's own name passes submission (no DNS there) but resolves to an internal address.
    String name = InetAddress.getLocalHost().getHostName();
    InetAddress[] addresses = InetAddress.getAllByName(name);
    assumeTrue(
        URI.create("http://" + name + ":1/").getHost() != null
            && !name.equalsIgnoreCase("localhost")
            && List.of(addresses).stream().allMatch(WebhookSsrfIT::internal),
        () -> "this machine's name " + name + " must resolve to internal addresses only");
    String doc = TextDocuments.upload(demo(), 1, "Hook doc", "Short.").get(0);
    double refusedBefore = count(REFUSED, Server.current().applicationMetrics(base));
    double notRetriedBefore = count(NOT_RETRIED, Server.current().allMetrics(base));
    try (WebhookListener listener = WebhookListener.on(addresses[0])) {
      HttpResponse<String> submitted =
          submit(doc, "http://" + name + ":" + listener.port() + "/hook");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);

      Poll.until(
          () ->
              Optional.of(count(REFUSED, Server.current().applicationMetrics(base)))
                  .filter(n -> n > refusedBefore),
          () -> "a refused delivery to " + name);
      Poll.until(
          () ->
              Optional.of(count(NOT_RETRIED, Server.current().allMetrics(base)))
                  .filter(n -> n > notRetriedBefore),
          () -> "the refused delivery to end without retries: " + webhookClientMetrics());
      assertThat(listener.bodies()).isEmpty();
    }
  }

  @Test
  void anAllowListedLoopbackPortHearsTheWebhookAndOnlyThatPort() throws Exception {
    String doc = TextDocuments.upload(demo(), 1, "Hook doc", "Short.").get(0);
    int port = WebhookListener.ALLOWED_PORT;
    assertField(submit(doc, "http://127.0.0.1:" + (port + 1) + "/hook"), "webhookUrl");
    assertField(submit(doc, "http://localhost:" + port + "/hook"), "webhookUrl");
    try (WebhookListener listener = WebhookListener.allowed()) {
      HttpResponse<String> submitted = submit(doc, "http://127.0.0.1:" + port + "/hook");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
      String id = Http.json(submitted).asJsonObject().getString("id");

      assertThat(listener.heardWithin(60)).as("webhook to the allow-listed port").isTrue();
      JsonObject summary = Http.json(listener.bodies().get(0)).asJsonObject();
      assertThat(summary.getString("batchId")).isEqualTo(id);
      assertThat(summary.getString("event")).isEqualTo("batch.finished");
    }
  }

  private static boolean internal(InetAddress address) {
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress();
  }

  private HttpResponse<String> submit(String doc, String webhookUrl) {
    return demo()
        .postJson(
            "/api/batches",
            "{\"documentIds\":[\""
                + doc
                + "\"],\"analyses\":[\"summary\"],\"webhookUrl\":\""
                + webhookUrl
                + "\"}");
  }

  /** The value of the first metric line {@code pattern} matches in {@code metrics}, or 0. */
  private static double count(Pattern pattern, String metrics) {
    Matcher m = pattern.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private String webhookClientMetrics() {
    return Server.current()
        .allMetrics(base)
        .lines()
        .filter(l -> l.contains("WebhookClient"))
        .toList()
        .toString();
  }

  private int myBatchCount() {
    return Http.json(demo().get("/api/batches?limit=100"))
        .asJsonObject()
        .getJsonArray("items")
        .size();
  }

  private Http demo() {
    return new Http(base).as(Credentials.demo());
  }
}
