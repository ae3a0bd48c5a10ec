package dev.sluice.documents.batch.webhook;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchFinished;
import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.BatchStore;
import dev.sluice.platform.concurrent.Causes;
import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a finished batch's webhook with its summary; the outcome (delivered, failed after retries,
 * or refused by the address policy) is logged and counted, never thrown.
 */
@ApplicationScoped
public class BatchWebhook {

  private static final Logger LOG = Logger.getLogger(BatchWebhook.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String DELIVERED = "delivered";
  private static final String FAILED = "failed";
  private static final String REFUSED = "refused";

  @Inject BatchStore store;
  @Inject WebhookClient client;
  @Inject Meters meters;

  /** What the webhook receives. */
  public record Summary(
      String event,
      String batchId,
      String status,
      int documents,
      long done,
      long failed,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd,
      Instant finishedAt,
      String link) {}

  void onFinished(@Observes BatchFinished finished) {
    store
        .batch(finished.batchId())
        .filter(b -> b.webhookUrl() != null)
        .ifPresent(b -> call(b, finished.progress()));
  }

  private void call(AnalysisBatch batch, BatchProgress progress) {
    Summary summary =
        new Summary(
            "batch.finished",
            batch.id(),
            batch.status().name().toLowerCase(Locale.ROOT),
            batch.itemCount(),
            progress.done(),
            progress.failed(),
            progress.inputTokens(),
            progress.outputTokens(),
            progress.costUsd(),
            batch.finishedAt(),
            "/api/batches/" + batch.id());
    URI url;
    try {
      url = new URI(batch.webhookUrl());
    } catch (URISyntaxException malformed) {
      outcome(batch, "?", REFUSED, "not a URL");
      return;
    }
    client
        .post(url, JSON.toJson(summary))
        .whenComplete(
            (status, error) -> {
              Throwable cause = Causes.unwrap(error);
              if (cause == null) {
                outcome(batch, url.getHost(), DELIVERED, "answered " + status);
              } else if (cause instanceof WebhookForbidden) {
                outcome(batch, url.getHost(), REFUSED, "not sent: " + cause.getMessage());
              } else {
                outcome(batch, url.getHost(), FAILED, "failed after retries: " + cause);
              }
            });
  }

  /**
   * Logs the end of a delivery (the host only: a path or query may carry a secret) and counts it in
   * {@code sluice_webhook_deliveries_total} by outcome.
   */
  private void outcome(AnalysisBatch batch, String host, String outcome, String what) {
    meters.count("sluice.webhook.deliveries", 1, Label.of("outcome", outcome));
    Level level = DELIVERED.equals(outcome) ? Level.INFO : Level.WARNING;
    LOG.log(level, () -> "batch " + batch.id() + ": webhook to " + host + " " + what);
  }
}
