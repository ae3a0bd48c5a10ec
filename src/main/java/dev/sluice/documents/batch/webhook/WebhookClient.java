package dev.sluice.documents.batch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * POSTs a JSON summary to a batch's webhook without holding a thread for the exchange; a transport
 * error or a non-2xx answer fails the attempt, which MicroProfile Fault Tolerance retries with
 * backoff (tunable as {@code dev.sluice.documents.batch.webhook.WebhookClient/post/Retry/...}).
 */
@ApplicationScoped
public class WebhookClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Asynchronous
  @Retry(
      maxRetries = 5,
      delay = 1,
      delayUnit = ChronoUnit.SECONDS,
      jitter = 500,
      maxDuration = 5,
      durationUnit = ChronoUnit.MINUTES)
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  public CompletionStage<Integer> post(URI url, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Sluice-Webhook")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw new WebhookRefused(url, response.statusCode());
              }
              return response.statusCode();
            });
  }

  /** The webhook answered, but not with 2xx. */
  static final class WebhookRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookRefused(URI url, int status) {
      super("webhook " + url.getHost() + " answered " + status);
    }
  }
}
