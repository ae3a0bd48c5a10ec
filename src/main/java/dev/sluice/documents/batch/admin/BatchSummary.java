package dev.sluice.documents.batch.admin;

import dev.sluice.documents.batch.AnalysisBatch;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.Locale;

/** A batch in the console's list: who, what state, how many documents, when, and how far. */
@JsonbNillable
public record BatchSummary(
    String id,
    String owner,
    String status,
    int documents,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    ProgressSummary progress) {

  static BatchSummary of(AnalysisBatch b, ResultCounts counts) {
    return new BatchSummary(
        b.id(),
        b.owner(),
        b.status().name().toLowerCase(Locale.ROOT),
        b.itemCount(),
        b.createdAt(),
        b.startedAt(),
        b.finishedAt(),
        ProgressSummary.of(b, counts.done(), counts.failed()));
  }
}
