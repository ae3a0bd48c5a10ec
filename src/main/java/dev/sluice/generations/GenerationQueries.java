package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import dev.sluice.platform.database.ConsoleQueries;
import dev.sluice.platform.database.Timestamps;
import dev.sluice.platform.rest.PageCursor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The console's reads of generations: keyset pages newest first (each filter has an index that also
 * gives the order, so a page reads about {@code limit} index entries, not the table), one record,
 * and totals from {@code generation_daily}. Every statement runs with the console's query timeout.
 */
@ApplicationScoped
public class GenerationQueries {

  private static final String SUMMARY_COLUMNS =
      "id, started_at, ended_at, source, reference, batch_id, owner, model, answered_model,"
          + " provider, priority, status, error_kind, error_message, attempt_count, gate_wait_ms,"
          + " time_to_first_token_ms, total_ms, input_tokens, output_tokens, usage_estimated,"
          + " cost_usd";

  /** How costs are grouped: each names a column of {@code generation_daily}, never user input. */
  public enum Grouping {
    USER("owner"),
    MODEL("model"),
    DAY("usage_day");

    final String column;

    Grouping(String column) {
      this.column = column;
    }
  }

  /** Calls, tokens and cost under one key (a user, a model or a day). */
  public record Totals(
      String key,
      long calls,
      long failed,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd) {}

  @Resource(name = "jdbc/sluice")
  DataSource dataSource;

  @Inject ConsoleQueries query;

  /**
   * Up to {@code max} generations after the cursor on {@code (startedAt, id)} (null: the newest),
   * newest first.
   */
  public List<Generation> page(GenerationFilter filter, PageCursor<LocalDateTime> after, int max) {
    StringBuilder sql =
        new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM generation WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    and(sql, args, "status = ?", filter.status() == null ? null : filter.status().name());
    and(sql, args, "model = ?", filter.model());
    and(sql, args, "owner = ?", filter.owner());
    and(sql, args, "source = ?", filter.source() == null ? null : filter.source().name());
    and(
        sql,
        args,
        "started_at >= ?",
        filter.from() == null ? null : Timestamps.fromInstant(filter.from()));
    and(
        sql,
        args,
        "started_at < ?",
        filter.to() == null ? null : Timestamps.fromInstant(filter.to()));
    if (after != null) {
      // The first condition is a plain range both databases use on the index; the row comparison
      // is the exact keyset bound.
      LocalDateTime startedAt = after.key();
      sql.append(" AND started_at <= ? AND (started_at, id) < (?, ?)");
      args.add(startedAt);
      args.add(startedAt);
      args.add(after.id());
    }
    sql.append(" ORDER BY ")
        .append(leadingColumn(filter))
        .append("started_at DESC, id DESC FETCH FIRST ")
        .append(max)
        .append(" ROWS ONLY");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = query.prepare(c, sql.toString())) {
      bind(s, args);
      List<Generation> rows = new ArrayList<>(max);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(summary(r));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw query.failure(e);
    }
  }

  /** One generation with its tries and, if kept, its prompt and answer. */
  public Optional<Generation> find(String id) {
    String sql =
        "SELECT "
            + SUMMARY_COLUMNS
            + ", attempts, fallback_chain, prompt, answer FROM generation WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = query.prepare(c, sql)) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(full(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw query.failure(e);
    }
  }

  /** Totals per key over the days {@code from} to {@code to} (both included), by key. */
  public List<Totals> totals(Grouping by, LocalDate from, LocalDate to) {
    String sql =
        "SELECT "
            + by.column
            + ", SUM(calls), SUM(failed), SUM(input_tokens), SUM(output_tokens), SUM(cost_usd)"
            + " FROM generation_daily WHERE usage_day >= ? AND usage_day <= ? GROUP BY "
            + by.column
            + " ORDER BY "
            + by.column;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = query.prepare(c, sql)) {
      s.setObject(1, from);
      s.setObject(2, to);
      List<Totals> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Totals(
                  r.getString(1),
                  r.getLong(2),
                  r.getLong(3),
                  r.getLong(4),
                  r.getLong(5),
                  orZero(r.getBigDecimal(6))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw query.failure(e);
    }
  }

  /** Everything recorded on one day. */
  public Totals day(LocalDate day) {
    List<Totals> rows = totals(Grouping.DAY, day, day);
    return rows.isEmpty() ? new Totals(day.toString(), 0, 0, 0, 0, BigDecimal.ZERO) : rows.get(0);
  }

  /**
   * The filter column to order by first: its value is fixed, so the order is unchanged, but the
   * database then sees that the filter's index ({@code column, started_at DESC, id DESC}) gives the
   * order and stops after a page instead of sorting every match (H2 needs this; PostgreSQL does not
   * mind). The most selective filter present wins; the others are checked on the way.
   */
  static String leadingColumn(GenerationFilter filter) {
    if (filter.owner() != null) {
      return "owner, ";
    }
    if (filter.model() != null) {
      return "model, ";
    }
    if (filter.status() != null) {
      return "status, ";
    }
    return filter.source() != null ? "source, " : "";
  }

  private static void and(StringBuilder sql, List<Object> args, String condition, Object value) {
    if (value != null) {
      sql.append(" AND ").append(condition);
      args.add(value);
    }
  }

  private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      s.setObject(i + 1, args.get(i));
    }
  }

  private static Generation summary(ResultSet r) throws SQLException {
    return row(r, null, null, null, null);
  }

  private static Generation full(ResultSet r) throws SQLException {
    return row(
        r,
        r.getString("attempts"),
        r.getString("fallback_chain"),
        r.getString("prompt"),
        r.getString("answer"));
  }

  private static Generation row(
      ResultSet r, String attempts, String chain, String prompt, String answer)
      throws SQLException {
    long ttft = r.getLong("time_to_first_token_ms");
    Long timeToFirstToken = r.wasNull() ? null : ttft;
    return new Generation(
        r.getString("id"),
        Timestamps.toInstant(r.getObject("started_at", LocalDateTime.class)),
        Timestamps.toInstant(r.getObject("ended_at", LocalDateTime.class)),
        CallOrigin.Source.valueOf(r.getString("source")),
        r.getString("reference"),
        r.getString("batch_id"),
        r.getString("owner"),
        r.getString("model"),
        r.getString("answered_model"),
        r.getString("provider"),
        r.getString("priority"),
        GenerationStatus.valueOf(r.getString("status")),
        r.getString("error_kind"),
        r.getString("error_message"),
        r.getInt("attempt_count"),
        attempts,
        chain,
        r.getLong("gate_wait_ms"),
        timeToFirstToken,
        r.getLong("total_ms"),
        r.getLong("input_tokens"),
        r.getLong("output_tokens"),
        r.getBoolean("usage_estimated"),
        orZero(r.getBigDecimal("cost_usd")),
        prompt,
        answer);
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
