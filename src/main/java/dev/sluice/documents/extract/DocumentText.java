package dev.sluice.documents.extract;

/** The rules for a document's text, whatever way it arrived (upload, JSON, bulk line). */
public final class DocumentText {

  private DocumentText() {}

  /**
   * The text as stored: without NUL characters (PostgreSQL's text types cannot hold them, and they
   * carry nothing a reader needs) and without surrounding whitespace.
   */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    return (text.indexOf('\0') < 0 ? text : text.replace("\0", "")).strip();
  }

  /** The first {@code max} characters, without splitting a surrogate pair. */
  public static String preview(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
