package dev.sluice.documents.batch.rest;

import dev.sluice.documents.analysis.AnalysisKind;
import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.BatchProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A batch as the API shows it, with its progress and where to follow it. */
public record BatchView(
    String id,
    String owner,
    String status,
    String mode,
    List<String> analyses,
    String model,
    String priority,
    int maxConcurrency,
    int partitions,
    int documents,
    int callsInFlight,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    BatchProgress progress,
    Map<String, String> links) {

  /** The same view with more links (the console adds its own). */
  public BatchView withLinks(Map<String, String> more) {
    Map<String, String> all = new java.util.TreeMap<>(links);
    all.putAll(more);
    return new BatchView(
        id,
        owner,
        status,
        mode,
        analyses,
        model,
        priority,
        maxConcurrency,
        partitions,
        documents,
        callsInFlight,
        createdAt,
        startedAt,
        finishedAt,
        progress,
        Map.copyOf(all));
  }

  public static BatchView of(AnalysisBatch b, BatchProgress progress, int inFlight) {
    return new BatchView(
        b.id(),
        b.owner(),
        b.status().name().toLowerCase(java.util.Locale.ROOT),
        b.mode().apiName(),
        b.analyses().stream().map(AnalysisKind::apiName).toList(),
        b.model(),
        b.priority().name().toLowerCase(java.util.Locale.ROOT),
        b.maxConcurrency(),
        b.partitions(),
        b.itemCount(),
        inFlight,
        b.createdAt(),
        b.startedAt(),
        b.finishedAt(),
        progress,
        Map.of(
            "self", "/api/batches/" + b.id(),
            "results", "/api/batches/" + b.id() + "/results",
            "stop", "/api/batches/" + b.id() + "/stop",
            "restart", "/api/batches/" + b.id() + "/restart",
            "progress", "/ws/batches/" + b.id()));
  }
}
