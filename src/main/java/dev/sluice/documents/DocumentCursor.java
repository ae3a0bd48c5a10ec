package dev.sluice.documents;

import dev.sluice.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A position in a user's document list, newest first: the last document of a page, by {@code
 * (createdAt, id)}. Sent to clients as an opaque token so its shape can change without breaking
 * them.
 */
public record DocumentCursor(LocalDateTime createdAt, String id) {

  private static final char SEPARATOR = '|';

  public String encode() {
    String plain = createdAt + String.valueOf(SEPARATOR) + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a token from {@link #encode()}; anything else is a 400 naming {@code field}. */
  public static DocumentCursor decode(String token, String field) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int at = plain.indexOf(SEPARATOR);
      if (at < 0 || at == plain.length() - 1) {
        throw new IllegalArgumentException("no separator");
      }
      return new DocumentCursor(
          LocalDateTime.parse(plain.substring(0, at)), plain.substring(at + 1));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ProblemException.invalidField(
          400, field, "not a cursor from a previous page; use the 'next' value as it came");
    }
  }
}
