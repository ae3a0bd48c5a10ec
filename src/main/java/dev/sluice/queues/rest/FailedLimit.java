package dev.sluice.queues.rest;

import dev.sluice.platform.rest.PageLimit;

/** How many failed jobs one listing holds: 1 to {@value #MAX}, {@value #DEFAULT} when absent. */
final class FailedLimit {

  static final int DEFAULT = 50;
  static final int MAX = 200;

  private FailedLimit() {}

  /** Parses the raw parameter: a 400 naming {@code limit} unless a whole number in range. */
  static int parse(String raw) {
    return PageLimit.parse(raw, "limit", DEFAULT, MAX);
  }
}
