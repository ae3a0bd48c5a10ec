package dev.sluice.platform.rest;

import dev.sluice.platform.problem.ProblemException;

/**
 * How many items one page holds: a query parameter, 1 to {@value #MAX}, {@value #DEFAULT} when
 * absent.
 */
public final class PageLimit {

  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  /** The admin console's pages are larger: operators scan many rows at once. */
  public static final int CONSOLE_DEFAULT = 50;

  public static final int CONSOLE_MAX = 200;

  private PageLimit() {}

  /** Parses the raw parameter (kept a string so that "abc" is a 400 naming it, not a 404). */
  public static int parse(String raw, String field) {
    return parse(raw, field, DEFAULT, MAX);
  }

  /**
   * A console page's size: {@code limit}, 1 to {@value #CONSOLE_MAX}, {@value #CONSOLE_DEFAULT}.
   */
  public static int parseConsole(String raw) {
    return parse(raw, "limit", CONSOLE_DEFAULT, CONSOLE_MAX);
  }

  /** The same with another default and maximum. */
  public static int parse(String raw, String field, int fallback, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > max) {
      throw ProblemException.invalidField(400, field, "a whole number from 1 to " + max);
    }
    return limit;
  }
}
