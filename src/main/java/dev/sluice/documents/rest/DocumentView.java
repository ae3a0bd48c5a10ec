package dev.sluice.documents.rest;

import dev.sluice.documents.Document;
import dev.sluice.documents.extract.DocumentText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One document: its counts, the start of its text and its analyses. The whole text is not sent (it
 * may be a book).
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
    @Schema(description = "Whether the text goes on past the preview") boolean previewTruncated,
    @Schema(
            description =
                "Its analyses across runs, newest first; after an upload with ?analyze=, the ones"
                    + " queued")
        List<DocumentAnalysisView> analyses,
    @Schema(description = "Where to follow queued analyses (after an upload with ?analyze=)")
        Map<String, String> links) {

  static DocumentView of(Document d, int previewChars) {
    return of(d, previewChars, null, null);
  }

  static DocumentView of(
      Document d,
      int previewChars,
      List<DocumentAnalysisView> analyses,
      Map<String, String> links) {
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
        d.text() != null && preview.length() < d.text().length(),
        analyses,
        links);
  }
}
