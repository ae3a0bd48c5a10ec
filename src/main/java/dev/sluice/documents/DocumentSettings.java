package dev.sluice.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The documents' limits, from MicroProfile Config ({@code sluice.documents.*}; the defaults here
 * repeat those in {@code microprofile-config.properties}).
 */
@ApplicationScoped
public class DocumentSettings {

  @Inject
  @ConfigProperty(name = "sluice.documents.max-upload-bytes", defaultValue = "20971520")
  long maxUploadBytes;

  @Inject
  @ConfigProperty(name = "sluice.documents.max-text-chars", defaultValue = "1000000")
  int maxTextChars;

  @Inject
  @ConfigProperty(name = "sluice.documents.preview-chars", defaultValue = "1000")
  int previewChars;

  @Inject
  @ConfigProperty(name = "sluice.documents.bulk.max-bytes", defaultValue = "268435456")
  long bulkMaxBytes;

  @Inject
  @ConfigProperty(name = "sluice.documents.bulk.max-lines", defaultValue = "100000")
  int bulkMaxLines;

  @Inject
  @ConfigProperty(name = "sluice.documents.bulk.max-line-chars", defaultValue = "1100000")
  int bulkMaxLineChars;

  @Inject
  @ConfigProperty(name = "sluice.documents.bulk.chunk-size", defaultValue = "500")
  int bulkChunkSize;

  /** The largest request body of one upload (multipart or JSON), in bytes. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** The longest text a document may have; longer ones are refused, never cut. */
  public int maxTextChars() {
    return maxTextChars;
  }

  /** How much of a document's text {@code GET /api/documents/{id}} shows. */
  public int previewChars() {
    return previewChars;
  }

  public BulkLimits bulk() {
    return new BulkLimits(bulkMaxBytes, bulkMaxLines, bulkMaxLineChars, bulkChunkSize);
  }

  /** The limits of one bulk load, and how many rows go to the database per JDBC batch. */
  public record BulkLimits(long maxBytes, int maxLines, int maxLineChars, int chunkSize) {}
}
