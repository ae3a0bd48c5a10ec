package dev.sluice.documents.batch.admin;

import dev.sluice.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque wrapping of a page position: URL-safe Base64 of {@code first|second}. */
final class Tokens {

  private static final char SEPARATOR = '|';

  private Tokens() {}

  static String encode(String first, String second) {
    String plain = first + SEPARATOR + second;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The two parts of a token; {@link IllegalArgumentException} when it is not one. */
  static String[] decode(String token) {
    String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    int at = plain.indexOf(SEPARATOR);
    if (at <= 0 || at == plain.length() - 1) {
      throw new IllegalArgumentException("no separator");
    }
    return new String[] {plain.substring(0, at), plain.substring(at + 1)};
  }

  static ProblemException malformed(String field) {
    return ProblemException.invalidField(
        400, field, "not a cursor from a previous page; use the 'next' value as it came");
  }
}
