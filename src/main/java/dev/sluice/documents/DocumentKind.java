package dev.sluice.documents;

import java.util.Locale;

/** The three kinds of document the analyses tell apart, by media type. */
public enum DocumentKind {
  TEXT,
  IMAGE,
  AUDIO;

  public static DocumentKind of(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("image/")) {
      return IMAGE;
    }
    if (type.startsWith("audio/")) {
      return AUDIO;
    }
    return TEXT;
  }
}
