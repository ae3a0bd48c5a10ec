package dev.sluice.platform.rest;

import dev.sluice.platform.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.function.Function;

/**
 * Where the next page of a keyset list starts: the sort key of the last item shown and the value
 * that breaks ties between equal keys (the item's id, or the next column of the order). Clients see
 * it only as an opaque URL-safe token, so its shape can change without breaking them.
 *
 * @param <K> the sort key: a stored time ({@link #decodeTime}) or a whole number ({@link
 *     #decodeInt})
 */
public record PageCursor<K>(K key, String id) {

  private static final char SEPARATOR = '|';

  /**
   * The times this server stores have four-digit years. Past 294276 PostgreSQL fails the query, a
   * 500, so a forged time is refused long before that.
   */
  private static final int FIRST_YEAR = 1;

  private static final int LAST_YEAR = 9999;

  /** URL-safe Base64 of {@code key|id}, without padding. */
  public String encode() {
    String plain = String.valueOf(key) + SEPARATOR + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a token of a cursor on a time; null when there is none (absent, empty or blank: the first
   * page, alike on every list); anything else is a 400 naming {@code field}.
   */
  public static PageCursor<LocalDateTime> decodeTime(String token, String field) {
    return decode(token, field, PageCursor::time);
  }

  /** As {@link #decodeTime}, for a cursor on a whole number. */
  public static PageCursor<Integer> decodeInt(String token, String field) {
    return decode(token, field, Integer::valueOf);
  }

  private static <K> PageCursor<K> decode(String token, String field, Function<String, K> key) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      String plain = plain(token);
      int at = plain.indexOf(SEPARATOR);
      if (at <= 0 || at == plain.length() - 1) {
        throw new IllegalArgumentException("no key and id");
      }
      return new PageCursor<>(key.apply(plain.substring(0, at)), plain.substring(at + 1));
    } catch (IllegalArgumentException | DateTimeException | CharacterCodingException e) {
      throw ProblemException.invalidField(
          400, field, "not a cursor from a previous page; use the 'next' value as it came");
    }
  }

  /** The decoded text; strict UTF-8, and no control character, which this server never writes. */
  private static String plain(String token) throws CharacterCodingException {
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    String plain = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    // NUL in particular: PostgreSQL refuses it in a text parameter, which would be a 500.
    if (plain.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("control character");
    }
    return plain;
  }

  private static LocalDateTime time(String key) {
    LocalDateTime time = LocalDateTime.parse(key);
    if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
      throw new IllegalArgumentException("out of the databases' range");
    }
    return time;
  }
}
