package dev.sluice.documents.analysis;

import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Document analysis metrics: analyses by analysis and outcome ({@code sluice.document.analyses})
 * and how long they took ({@code sluice.document.analysis.duration}, by analysis), whichever caller
 * ran them (a batch or a single-document job).
 */
@ApplicationScoped
public class AnalysisMetrics {

  @Inject Meters meters;

  public void record(AnalysisKind kind, AnalysisOutcome outcome) {
    Label analysis = Label.of("analysis", kind.apiName());
    String status = outcome.status().name().toLowerCase(Locale.ROOT);
    meters.count("sluice.document.analyses", 1, analysis, Label.of("outcome", status));
    if (outcome.status() != AnalysisStatus.SKIPPED) {
      meters.time(
          "sluice.document.analysis.duration", Duration.ofMillis(outcome.timeMs()), analysis);
    }
  }
}
