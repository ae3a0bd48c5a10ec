package dev.sluice.documents.analysis;

import dev.sluice.documents.DocumentKind;
import java.util.Locale;
import java.util.Set;

/** An analysis a batch or an upload may ask for; its API name is the lower-case constant name. */
public enum AnalysisKind {
  SUMMARY(Set.of(DocumentKind.TEXT, DocumentKind.AUDIO)),
  KEY_POINTS(Set.of(DocumentKind.TEXT, DocumentKind.AUDIO)),
  SENTIMENT(Set.of(DocumentKind.TEXT, DocumentKind.AUDIO)),
  DESCRIBE_IMAGE(Set.of(DocumentKind.IMAGE)),
  TRANSCRIBE(Set.of(DocumentKind.AUDIO)),
  CUSTOM(Set.of(DocumentKind.TEXT, DocumentKind.AUDIO));

  private final Set<DocumentKind> appliesTo;

  AnalysisKind(Set<DocumentKind> appliesTo) {
    this.appliesTo = appliesTo;
  }

  /** Whether this analysis can run on that kind of document (audio: on its transcript). */
  public boolean appliesTo(DocumentKind kind) {
    return appliesTo.contains(kind);
  }

  /** The name in the API: {@code summary}, {@code key_points}, … */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads an API name; {@link IllegalArgumentException} naming the choices when unknown. */
  public static AnalysisKind parse(String name) {
    if (name != null) {
      for (AnalysisKind kind : values()) {
        if (kind.apiName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown analysis '"
            + name
            + "' (summary, key_points, sentiment, describe_image, transcribe or custom)");
  }
}
