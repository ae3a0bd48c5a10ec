package dev.sluice.documents.batch.admin;

/**
 * A position in a batch's failed results, in item order: the last result of a page, by {@code
 * (itemNo, analysis)}, sent to clients as an opaque token.
 */
public record ErrorCursor(int itemNo, String analysis) {

  /** Before the first result. */
  public static final ErrorCursor START = new ErrorCursor(0, "");

  public String encode() {
    return Tokens.encode(String.valueOf(itemNo), analysis);
  }

  /** Reads a token from {@link #encode()}; anything else is a 400 naming {@code field}. */
  public static ErrorCursor decode(String token, String field) {
    try {
      String[] parts = Tokens.decode(token);
      return new ErrorCursor(Integer.parseInt(parts[0]), parts[1]);
    } catch (IllegalArgumentException e) {
      throw Tokens.malformed(field);
    }
  }
}
