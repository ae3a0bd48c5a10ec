package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The MicroProfile Metrics adapter of {@link BatchJobMetrics}: results by analysis and outcome
 * ({@code sluice_batch_results_total}; its rate is items per second), calls in flight per running
 * batch, and batch durations by final state.
 */
@ApplicationScoped
public class BatchMetrics implements BatchJobMetrics {

  private static final String IN_FLIGHT = "sluice.batch.calls.in.flight";

  @Inject MetricRegistry registry;
  @Inject BatchLimiters limiters;

  @Override
  public void result(AnalysisKind kind, AnalysisStatus status) {
    registry
        .counter(
            "sluice.batch.results",
            new Tag("analysis", kind.apiName()),
            new Tag("outcome", status.name().toLowerCase(Locale.ROOT)))
        .inc();
  }

  /** Shows the batch's calls in flight while it runs. */
  @Override
  public void running(String batchId) {
    registry.gauge(
        Metadata.builder()
            .withName(IN_FLIGHT)
            .withDescription("Provider calls in flight for a running batch")
            .build(),
        limiters,
        l -> l.inFlight(batchId),
        new Tag("batch", batchId));
  }

  void onFinished(@Observes BatchFinished finished) {
    registry.remove(new MetricID(IN_FLIGHT, new Tag("batch", finished.batchId())));
  }

  @Override
  public void finished(AnalysisBatch batch) {
    if (batch.startedAt() != null && batch.finishedAt() != null) {
      registry
          .timer(
              "sluice.batch.duration",
              new Tag("status", batch.status().name().toLowerCase(Locale.ROOT)))
          .update(Duration.between(batch.startedAt(), batch.finishedAt()));
    }
  }
}
