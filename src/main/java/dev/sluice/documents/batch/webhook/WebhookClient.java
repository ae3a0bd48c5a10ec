package dev.sluice.documents.batch.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * POSTs a JSON summary to a batch's webhook without holding a thread for the exchange. Each attempt
 * first resolves the host and vets every address ({@link WebhookGuard}); a refused target fails at
 * once and is not retried. A transport error or a non-2xx answer (a redirect too: none is followed)
 * fails the attempt, which MicroProfile Fault Tolerance retries with backoff (tunable as {@code
 * dev.sluice.documents.batch.webhook.WebhookClient/post/Retry/...}).
 */
@ApplicationScoped
public class WebhookClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The https client, the bean's and not a static: a client's selector thread holds the
   * application's class loader, so a static client would keep every undeployed copy of the
   * application alive (the thread holds the loader, the loader the class, the class the client).
   */
  private HttpClient https;

  @Inject WebhookGuard guard;

  @PostConstruct
  void createClient() {
    https =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Asynchronous
  @Retry(
      maxRetries = 5,
      delay = 1,
      delayUnit = ChronoUnit.SECONDS,
      jitter = 500,
      maxDuration = 5,
      durationUnit = ChronoUnit.MINUTES,
      abortOn = WebhookForbidden.class)
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  public CompletionStage<Integer> post(URI url, String json) {
    WebhookTarget target;
    try {
      // Blocking DNS is fine here: Fault Tolerance runs this on its own executor, not a caller's.
      target = guard.vet(url);
    } catch (WebhookForbidden | UnknownHostException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Sluice-Webhook")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client(target)
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw new WebhookRefused(url, response.statusCode());
              }
              return response.statusCode();
            });
  }

  /**
   * Plain http goes to the vetted address itself, so DNS cannot answer differently between the
   * check and the connection (rebinding): the client treats that address as a proxy, which sends
   * the request line in absolute form ({@code POST http://host/path}), a form every HTTP/1.1 server
   * must accept (RFC 9112, 3.2.2), with the usual Host header. The JDK client forbids setting Host
   * on a request to the bare address. Over https the client resolves the name again (the JVM's
   * address cache normally gives the same answer) and the server must prove the name with its
   * certificate; see docs/webhooks.md.
   */
  private HttpClient client(WebhookTarget target) {
    if (target.url().secure()) {
      return https;
    }
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .proxy(ProxySelector.of(target.address()))
        .build();
  }

  /** The webhook answered, but not with 2xx. */
  static final class WebhookRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookRefused(URI url, int status) {
      super("webhook " + url.getHost() + " answered " + status);
    }
  }
}
