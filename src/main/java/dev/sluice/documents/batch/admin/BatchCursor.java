package dev.sluice.documents.batch.admin;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * A position in the list of every user's batches, newest first: the last batch of a page, by its
 * key {@code (createdAt, id)}, sent to clients as an opaque token.
 */
public record BatchCursor(LocalDateTime createdAt, String id) {

  public String encode() {
    return Tokens.encode(createdAt.toString(), id);
  }

  /** Reads a token from {@link #encode()}; anything else is a 400 naming {@code field}. */
  public static BatchCursor decode(String token, String field) {
    try {
      String[] parts = Tokens.decode(token);
      return new BatchCursor(LocalDateTime.parse(parts[0]), parts[1]);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw Tokens.malformed(field);
    }
  }
}
