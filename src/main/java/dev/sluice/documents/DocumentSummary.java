package dev.sluice.documents;

import dev.sluice.platform.rest.PageCursor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A document as listed: everything but its text and bytes, which a list never loads (a page of long
 * documents would otherwise read megabytes to show titles).
 */
public record DocumentSummary(
    String id,
    String owner,
    String title,
    String contentType,
    long sizeBytes,
    int charCount,
    int tokenCount,
    LocalDateTime storedAt) {

  /** The JPQL constructor expression that reads a summary of {@code Document d}. */
  static final String SELECT =
      "SELECT NEW dev.sluice.documents.DocumentSummary(d.id, d.owner, d.title, d.contentType,"
          + " d.sizeBytes, d.charCount, d.tokenCount, d.createdAt) FROM Document d";

  public Instant createdAt() {
    return storedAt.toInstant(ZoneOffset.UTC);
  }

  public DocumentKind kind() {
    return DocumentKind.of(contentType);
  }

  /** Where this document stands in its owner's list: by {@code (createdAt, id)}. */
  public PageCursor<LocalDateTime> cursor() {
    return new PageCursor<>(storedAt, id);
  }
}
