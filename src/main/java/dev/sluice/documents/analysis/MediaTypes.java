package dev.sluice.documents.analysis;

import java.util.Locale;
import java.util.Map;

/** Media types as the provider calls need them: without parameters, and audio file extensions. */
final class MediaTypes {

  // Transcription APIs tell the audio format by the file name's extension.
  private static final Map<String, String> AUDIO_EXTENSIONS =
      Map.ofEntries(
          Map.entry("audio/mpeg", "mp3"),
          Map.entry("audio/mp3", "mp3"),
          Map.entry("audio/wav", "wav"),
          Map.entry("audio/x-wav", "wav"),
          Map.entry("audio/wave", "wav"),
          Map.entry("audio/vnd.wave", "wav"),
          Map.entry("audio/mp4", "m4a"),
          Map.entry("audio/m4a", "m4a"),
          Map.entry("audio/x-m4a", "m4a"),
          Map.entry("audio/aac", "aac"),
          Map.entry("audio/webm", "webm"),
          Map.entry("audio/ogg", "ogg"),
          Map.entry("audio/flac", "flac"));

  private MediaTypes() {}

  /** {@code Image/PNG; q=1} → {@code image/png}. */
  static String base(String contentType) {
    String type = contentType == null ? "" : contentType;
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** A file name for the transcription API, e.g. {@code 42.mp3}. */
  static String audioFileName(String documentId, String contentType) {
    String subtype = base(contentType).substring("audio/".length());
    String extension = AUDIO_EXTENSIONS.getOrDefault(base(contentType), subtype);
    return (documentId == null ? "audio" : documentId) + "." + extension;
  }
}
