package dev.sluice.documents.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Document analysis metrics: analyses by analysis and outcome ({@code sluice.document.analyses})
 * and how long they took ({@code sluice.document.analysis.duration}, by analysis), whichever caller
 * ran them (a batch or a single-document job).
 */
@ApplicationScoped
public class AnalysisMetrics {

  @Inject MetricRegistry registry;

  public void record(AnalysisKind kind, AnalysisOutcome outcome) {
    Tag analysis = new Tag("analysis", kind.apiName());
    String status = outcome.status().name().toLowerCase(Locale.ROOT);
    registry.counter("sluice.document.analyses", analysis, new Tag("outcome", status)).inc();
    if (outcome.status() != AnalysisStatus.SKIPPED) {
      registry
          .timer("sluice.document.analysis.duration", analysis)
          .update(Duration.ofMillis(outcome.timeMs()));
    }
  }
}
