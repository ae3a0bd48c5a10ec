package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which generations to list: any of status, model, user, source and a time range on when they
 * started ({@code from} inclusive, {@code to} exclusive). Null means "any".
 */
public record GenerationFilter(
    GenerationStatus status,
    String model,
    String owner,
    CallOrigin.Source source,
    Instant from,
    Instant to) {

  public static final GenerationFilter ANY =
      new GenerationFilter(null, null, null, null, null, null);

  /**
   * Reads the query parameters; every bad one is named in one 400. A date without a time means its
   * start (UTC) for {@code from} and the start of the next day for {@code to}.
   */
  public static GenerationFilter parse(
      String status, String model, String user, String source, String from, String to) {
    List<Problem.FieldError> errors = new ArrayList<>();
    GenerationStatus s = named(GenerationStatus.class, status, "status", errors);
    CallOrigin.Source src = named(CallOrigin.Source.class, source, "source", errors);
    Instant f = instant(from, false, "from", errors);
    Instant t = instant(to, true, "to", errors);
    if (f != null && t != null && !f.isBefore(t)) {
      errors.add(new Problem.FieldError("to", "must be after 'from'"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    return new GenerationFilter(s, blankToNull(model), blankToNull(user), src, f, t);
  }

  private static <E extends Enum<E>> E named(
      Class<E> type, String raw, String field, List<Problem.FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E value : type.getEnumConstants()) {
        names.add(value.name().toLowerCase(Locale.ROOT));
      }
      errors.add(new Problem.FieldError(field, "one of " + String.join(", ", names)));
      return null;
    }
  }

  static Instant instant(
      String raw, boolean endOfDay, String field, List<Problem.FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(
              field, "a date (2026-11-22) or an instant (2026-11-22T10:00:00Z)"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
