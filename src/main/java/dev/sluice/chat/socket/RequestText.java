package dev.sluice.chat.socket;

import java.util.Optional;

/**
 * One client request's text as its frames arrive. The container refuses any single frame over the
 * endpoint's bound before reading it; this bounds a request sent as many small frames, which the
 * container would otherwise gather whole.
 */
final class RequestText {

  /** A request longer than the bound. */
  static final class TooLong extends Exception {
    TooLong(int max) {
      super("requests are at most " + max + " characters");
    }
  }

  private final int max;
  private final StringBuilder parts = new StringBuilder();

  RequestText(int max) {
    this.max = max;
  }

  /** The whole request once its last part is in, empty before. */
  Optional<String> add(String part, boolean last) throws TooLong {
    if (parts.length() + part.length() > max) {
      parts.setLength(0);
      throw new TooLong(max);
    }
    if (last && parts.isEmpty()) {
      return Optional.of(part);
    }
    parts.append(part);
    if (!last) {
      return Optional.empty();
    }
    String whole = parts.toString();
    parts.setLength(0);
    return Optional.of(whole);
  }
}
