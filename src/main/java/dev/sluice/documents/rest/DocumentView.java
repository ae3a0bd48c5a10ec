package dev.sluice.documents.rest;

import dev.sluice.documents.Document;
import dev.sluice.documents.DocumentText;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One document: its counts and the start of its text. The whole text is not sent (it may be a
 * book); analyses of the document are not part of it yet.
 */
public record DocumentView(
    String id,
    String title,
    String contentType,
    @Schema(description = "text, image or audio") String kind,
    long sizeBytes,
    int charCount,
    int tokenCount,
    String owner,
    Instant createdAt,
    @Schema(description = "The first characters of the text; absent for images and audio")
        String preview,
    @Schema(description = "Whether the text goes on past the preview") boolean previewTruncated) {

  static DocumentView of(Document d, int previewChars) {
    String preview = DocumentText.preview(d.text(), previewChars);
    return new DocumentView(
        d.id(),
        d.title(),
        d.contentType(),
        d.kind().name().toLowerCase(Locale.ROOT),
        d.sizeBytes(),
        d.charCount(),
        d.tokenCount(),
        d.owner(),
        d.createdAt(),
        preview,
        d.text() != null && preview.length() < d.text().length());
  }
}
