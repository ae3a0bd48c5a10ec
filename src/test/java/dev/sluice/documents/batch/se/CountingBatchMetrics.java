package dev.sluice.documents.batch.se;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.analysis.AnalysisStatus;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchJobMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BatchJobMetrics} for tests out of the container: counts results by status. */
@ApplicationScoped
public class CountingBatchMetrics implements BatchJobMetrics {

  private final Map<AnalysisStatus, AtomicInteger> results = new ConcurrentHashMap<>();

  @Override
  public void result(AnalysisKind kind, AnalysisStatus status) {
    results.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void running(String batchId) {}

  @Override
  public void finished(AnalysisBatch batch) {}

  public int results(AnalysisStatus status) {
    AtomicInteger count = results.get(status);
    return count == null ? 0 : count.get();
  }
}
