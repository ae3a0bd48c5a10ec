package dev.sluice.documents.batch.admin;

import dev.sluice.documents.batch.BatchState;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import dev.sluice.platform.rest.PageCursor;
import dev.sluice.platform.rest.PageLimit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which batches the console lists: optionally one status, one owner, created in {@code [from, to)};
 * a page of {@code limit} after {@code cursor}, on {@code (createdAt, id)}. Every bad parameter is
 * named in one 400.
 */
public record BatchListFilter(
    BatchState status,
    String owner,
    Instant from,
    Instant to,
    int limit,
    PageCursor<LocalDateTime> cursor) {

  static final int MAX_OWNER = 255;

  /** Reads the raw query parameters; a 400 naming each one that is wrong. */
  public static BatchListFilter parse(
      String status, String owner, String from, String to, String limit, String cursor) {
    List<Problem.FieldError> errors = new ArrayList<>();
    BatchState state = read(errors, "status", status, BatchListFilter::state);
    String who = read(errors, "owner", owner, BatchListFilter::owner);
    Instant start = read(errors, "from", from, BatchListFilter::instant);
    Instant end = read(errors, "to", to, BatchListFilter::instant);
    Integer size = read(errors, "limit", limit == null ? "" : limit, PageLimit::parseConsole);
    PageCursor<LocalDateTime> after =
        read(errors, "cursor", cursor, c -> PageCursor.decodeTime(c, "cursor"));
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new Problem.FieldError("to", "must be later than from"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return new BatchListFilter(state, who, start, end, size, after);
  }

  private interface Reader<T> {
    T read(String raw);
  }

  private static <T> T read(
      List<Problem.FieldError> errors, String field, String raw, Reader<T> reader) {
    if (raw == null || (raw.isBlank() && !field.equals("limit"))) {
      return null;
    }
    try {
      return reader.read(raw.strip());
    } catch (ProblemException e) {
      errors.add(new Problem.FieldError(field, e.problem().errors().get(0).message()));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, message(field)));
    }
    return null;
  }

  private static String message(String field) {
    return switch (field) {
      case "status" ->
          "one of "
              + Arrays.stream(BatchState.values())
                  .map(s -> s.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "));
      case "owner" -> "a user name of at most " + MAX_OWNER + " characters";
      default -> "an ISO-8601 instant, for example 2026-11-22T10:00:00Z";
    };
  }

  private static BatchState state(String raw) {
    return BatchState.valueOf(raw.toUpperCase(Locale.ROOT));
  }

  private static String owner(String raw) {
    if (raw.length() > MAX_OWNER) {
      throw new IllegalArgumentException("too long");
    }
    return raw;
  }

  private static Instant instant(String raw) {
    return Instant.parse(raw);
  }
}
