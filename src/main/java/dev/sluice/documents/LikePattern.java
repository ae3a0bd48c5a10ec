package dev.sluice.documents;

import java.util.Locale;

/**
 * Turns text a user typed into a SQL {@code LIKE} pattern that matches it literally: {@code %} and
 * {@code _} are escaped with {@value #ESCAPE_CHAR}, so {@code 50%} means the text "50%" and a lone
 * {@code %} matches only a "%". Every query that puts such a pattern after {@code LIKE} must add
 * {@link #ESCAPE} (JPQL and native SQL alike), or the escapes are read as text.
 */
public final class LikePattern {

  /**
   * The escape character; not a backslash, which PostgreSQL and H2 treat differently in strings.
   */
  public static final char ESCAPE_CHAR = '!';

  /** The clause to write after the pattern's parameter. */
  public static final String ESCAPE = " ESCAPE '" + ESCAPE_CHAR + "'";

  private LikePattern() {}

  /** Values that contain {@code text}, lower-cased (compare with {@code LOWER(column)}). */
  public static String containing(String text) {
    return "%" + literal(text.toLowerCase(Locale.ROOT)) + "%";
  }

  /** Values that start with {@code text}, lower-cased. */
  public static String startingWith(String text) {
    return literal(text.toLowerCase(Locale.ROOT)) + "%";
  }

  /** {@code text} with the wildcards and the escape character itself escaped. */
  static String literal(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
