package dev.sluice.documents;

import dev.sluice.platform.problem.ProblemException;
import java.util.Locale;

/**
 * What a document list is narrowed to: one content type (exactly, as stored), and titles containing
 * some text (ignoring case). Either may be null for no narrowing.
 */
public record DocumentFilter(String contentType, String titleContains) {

  static final int MAX_LENGTH = 200;

  public static final DocumentFilter NONE = new DocumentFilter(null, null);

  /** Reads the query parameters; blank means absent, over-long ones are a 400 naming them. */
  public static DocumentFilter of(String contentType, String title) {
    String type = clean(contentType, "contentType");
    return new DocumentFilter(
        type == null ? null : type.toLowerCase(Locale.ROOT), clean(title, "title"));
  }

  /** The title filter as a LIKE pattern, lower case, matching what the user typed literally. */
  String titlePattern() {
    return LikePattern.containing(titleContains);
  }

  private static String clean(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw ProblemException.invalidField(400, field, "at most " + MAX_LENGTH + " characters");
    }
    return value.strip();
  }
}
