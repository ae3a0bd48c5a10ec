package dev.sluice.queues.rest;

import dev.sluice.platform.problem.ProblemException;

/** How many failed jobs one listing holds: 1 to {@value #MAX}, {@value #DEFAULT} when absent. */
final class FailedLimit {

  static final int DEFAULT = 50;
  static final int MAX = 200;

  private FailedLimit() {}

  /** Parses the raw parameter (kept a string so that "abc" is a 400 naming it, not a 404). */
  static int parse(String raw) {
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
