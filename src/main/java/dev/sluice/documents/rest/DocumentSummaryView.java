package dev.sluice.documents.rest;

import dev.sluice.documents.DocumentSummary;
import java.time.Instant;
import java.util.Locale;

/** A document in a list: everything but its text. */
public record DocumentSummaryView(
    String id,
    String title,
    String contentType,
    String kind,
    long sizeBytes,
    int charCount,
    int tokenCount,
    String owner,
    Instant createdAt) {

  static DocumentSummaryView of(DocumentSummary d) {
    return new DocumentSummaryView(
        d.id(),
        d.title(),
        d.contentType(),
        d.kind().name().toLowerCase(Locale.ROOT),
        d.sizeBytes(),
        d.charCount(),
        d.tokenCount(),
        d.owner(),
        d.createdAt());
  }
}
