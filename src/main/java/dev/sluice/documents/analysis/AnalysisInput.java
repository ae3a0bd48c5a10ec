package dev.sluice.documents.analysis;

import dev.sluice.documents.DocumentKind;
import java.util.function.Supplier;

/**
 * What an analysis reads of one document: its text (null for images, and for audio not yet
 * transcribed) and, for images and audio, a way to load the original bytes only when needed.
 */
public record AnalysisInput(
    String documentId, String title, String contentType, String text, Supplier<byte[]> content) {

  public DocumentKind kind() {
    return DocumentKind.of(contentType);
  }
}
