package dev.sluice.documents.batch.webhook;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchFinished;
import dev.sluice.documents.batch.BatchProgress;
import dev.sluice.documents.batch.BatchStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Calls a finished batch's webhook with its summary; the outcome is logged, never thrown. */
@ApplicationScoped
public class BatchWebhook {

  private static final Logger LOG = Logger.getLogger(BatchWebhook.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject BatchStore store;
  @Inject WebhookClient client;

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
    URI url = URI.create(batch.webhookUrl());
    client
        .post(url, JSON.toJson(summary))
        .whenComplete(
            (status, error) -> {
              if (error != null) {
                LOG.log(
                    Level.WARNING,
                    "batch "
                        + batch.id()
                        + ": webhook to "
                        + url.getHost()
                        + " failed after retries: "
                        + error.getMessage());
              } else {
                LOG.info(
                    () ->
                        "batch "
                            + batch.id()
                            + ": webhook to "
                            + url.getHost()
                            + " answered "
                            + status);
              }
            });
  }
}
