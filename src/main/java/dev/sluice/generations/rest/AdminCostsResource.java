package dev.sluice.generations.rest;

import dev.sluice.generations.GenerationQueries;
import dev.sluice.generations.GenerationQueries.Grouping;
import dev.sluice.generations.GenerationQueries.Totals;
import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tokens and cost per user, model or day (UTC), from the daily totals: they outlive the purge of
 * old generations.
 */
@Path("/admin/costs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "The admin console (admin role)")
public class AdminCostsResource {

  /** The longest range one call may sum. */
  static final int MAX_DAYS = 366;

  private static final int DEFAULT_DAYS = 30;

  @Inject GenerationQueries queries;

  @GET
  @Operation(summary = "Tokens and cost by user, model or day over a range of days")
  @APIResponse(responseCode = "200", description = "Rows by key, and their total")
  @APIResponse(responseCode = "400", description = "'by', 'from' or 'to' is invalid")
  public CostsView costs(
      @QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Grouping grouping = grouping(by, errors);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate last = day(to, "to", today, errors);
    LocalDate first =
        day(from, "from", last == null ? null : last.minusDays(DEFAULT_DAYS - 1), errors);
    if (first != null && last != null) {
      if (first.isAfter(last)) {
        errors.add(new Problem.FieldError("from", "must not be after 'to'"));
      } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
        errors.add(new Problem.FieldError("from", "at most " + MAX_DAYS + " days before 'to'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    List<Totals> rows = queries.totals(grouping, first, last);
    return new CostsView(grouping.name().toLowerCase(Locale.ROOT), first, last, rows, sum(rows));
  }

  private static Grouping grouping(String raw, List<Problem.FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return Grouping.DAY;
    }
    try {
      return Grouping.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new Problem.FieldError("by", "one of user, model, day"));
      return Grouping.DAY;
    }
  }

  private static LocalDate day(
      String raw, String field, LocalDate fallback, List<Problem.FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, "a date, e.g. 2026-11-22"));
      return null;
    }
  }

  private static Totals sum(List<Totals> rows) {
    long calls = 0;
    long failed = 0;
    long in = 0;
    long out = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (Totals t : rows) {
      calls += t.calls();
      failed += t.failed();
      in += t.inputTokens();
      out += t.outputTokens();
      cost = cost.add(t.costUsd());
    }
    return new Totals("total", calls, failed, in, out, cost);
  }
}
