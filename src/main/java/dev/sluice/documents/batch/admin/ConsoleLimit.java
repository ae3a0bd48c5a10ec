package dev.sluice.documents.batch.admin;

import dev.sluice.platform.problem.ProblemException;

/**
 * A console page's size: {@code limit}, 1 to {@value #MAX}, {@value #DEFAULT} when absent. The
 * console pages larger than the users' API ({@link dev.sluice.platform.rest.PageLimit}).
 */
public final class ConsoleLimit {

  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private ConsoleLimit() {}

  /** Parses the raw parameter (a string, so that "abc" is a 400 naming it rather than a 404). */
  public static int parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX) {
      throw ProblemException.invalidField(400, "limit", "a whole number from 1 to " + MAX);
    }
    return limit;
  }
}
