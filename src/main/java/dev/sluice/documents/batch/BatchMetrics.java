package dev.sluice.documents.batch;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * The metrics of {@link BatchJobMetrics}: results by analysis and outcome ({@code
 * sluice_batch_results_total}; its rate is items per second), calls in flight per running batch,
 * and batch durations by final state.
 */
@ApplicationScoped
public class BatchMetrics implements BatchJobMetrics {

  private static final String IN_FLIGHT = "sluice.batch.calls.in.flight";

  @Inject Meters meters;
  @Inject BatchLimiters limiters;

  @Override
  public void result(AnalysisKind kind, AnalysisStatus status) {
    meters.count(
        "sluice.batch.results",
        1,
        Label.of("analysis", kind.apiName()),
        Label.of("outcome", status.name().toLowerCase(Locale.ROOT)));
  }

  /** Shows the batch's calls in flight while it runs. */
  @Override
  public void running(String batchId) {
    meters.gauge(
        IN_FLIGHT,
        "Provider calls in flight for a running batch",
        () -> limiters.inFlight(batchId),
        Label.of("batch", batchId));
  }

  void onFinished(@Observes BatchFinished finished) {
    meters.removeGauge(IN_FLIGHT, Label.of("batch", finished.batchId()));
  }

  @Override
  public void finished(AnalysisBatch batch) {
    if (batch.startedAt() != null && batch.finishedAt() != null) {
      meters.time(
          "sluice.batch.duration",
          Duration.between(batch.startedAt(), batch.finishedAt()),
          Label.of("status", batch.status().name().toLowerCase(Locale.ROOT)));
    }
  }
}
