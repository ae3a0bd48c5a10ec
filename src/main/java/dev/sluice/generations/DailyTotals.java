package dev.sluice.generations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a set of rows adds to {@code generation_daily}: one total per UTC day, owner and model. */
final class DailyTotals {

  record Key(LocalDate day, String owner, String model) {}

  record Total(
      Key key, long calls, long failed, long inputTokens, long outputTokens, BigDecimal cost) {
    Total plus(Generation g) {
      return new Total(
          key,
          calls + 1,
          failed + (g.failed() ? 1 : 0),
          inputTokens + g.inputTokens(),
          outputTokens + g.outputTokens(),
          cost.add(g.costUsd()));
    }
  }

  private DailyTotals() {}

  static Collection<Total> of(List<Generation> rows) {
    Map<Key, Total> totals = new LinkedHashMap<>();
    for (Generation g : rows) {
      Key key = new Key(LocalDate.ofInstant(g.startedAt(), ZoneOffset.UTC), g.owner(), g.model());
      totals.merge(key, new Total(key, 0, 0, 0, 0, BigDecimal.ZERO).plus(g), DailyTotals::sum);
    }
    return totals.values();
  }

  private static Total sum(Total a, Total b) {
    return new Total(
        a.key(),
        a.calls() + b.calls(),
        a.failed() + b.failed(),
        a.inputTokens() + b.inputTokens(),
        a.outputTokens() + b.outputTokens(),
        a.cost().add(b.cost()));
  }
}
