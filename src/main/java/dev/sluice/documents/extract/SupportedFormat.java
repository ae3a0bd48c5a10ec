package dev.sluice.documents.extract;

import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * The formats Sluice accepts, each with the media type it is stored under and the types Tika's
 * detectors report for it. Text formats have their text extracted; images and audio do not.
 */
enum SupportedFormat {
  PDF("application/pdf", true, "application/pdf"),
  DOCX(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      true,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  HTML("text/html", true, "text/html", "application/xhtml+xml"),
  MARKDOWN("text/markdown", true, "text/markdown"),
  TEXT("text/plain", true, "text/plain"),
  PNG("image/png", false, "image/png"),
  JPEG("image/jpeg", false, "image/jpeg"),
  WEBP("image/webp", false, "image/webp"),
  MP3("audio/mpeg", false, "audio/mpeg"),
  WAV("audio/wav", false, "audio/vnd.wave"),
  M4A("audio/mp4", false, "audio/mp4");

  /** For error messages: what a caller may send. */
  static final String ACCEPTED =
      "PDF, DOCX, HTML, Markdown, plain text, PNG, JPEG, WebP, MP3, WAV or M4A";

  private final String storedType;
  private final boolean hasText;
  private final Set<String> detectedTypes;

  SupportedFormat(String storedType, boolean hasText, String... detectedTypes) {
    this.storedType = storedType;
    this.hasText = hasText;
    this.detectedTypes = Set.of(detectedTypes);
  }

  String storedType() {
    return storedType;
  }

  boolean hasText() {
    return hasText;
  }

  /**
   * The format of a detected type. Any other textual type (source code, CSV, JSON, …) is read as
   * plain text: Tika's registry knows them as kinds of {@code text/plain}.
   */
  static Optional<SupportedFormat> of(MediaType detected, MediaTypeRegistry registry) {
    String base = detected.getBaseType().toString();
    for (SupportedFormat format : values()) {
      if (format.detectedTypes.contains(base)) {
        return Optional.of(format);
      }
    }
    return registry.isSpecializationOf(detected.getBaseType(), MediaType.TEXT_PLAIN)
        ? Optional.of(TEXT)
        : Optional.empty();
  }
}
