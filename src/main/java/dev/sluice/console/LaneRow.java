package dev.sluice.console;

import dev.sluice.admission.LaneSnapshot;
import dev.sluice.admission.Priority;
import java.time.Instant;
import java.util.Map;

/** One admission lane as the overview shows it, with its provider's breaker state. */
public record LaneRow(
    String name,
    String provider,
    int maxInFlight,
    int inFlight,
    Map<Priority, Integer> waiting,
    int waitingTotal,
    long requestsPerMinute,
    long tokensPerMinute,
    long requestsLastMinute,
    long tokensLastMinute,
    Instant pausedUntil,
    String breaker) {

  static LaneRow of(LaneSnapshot s, String provider, String breaker) {
    int waiting = s.waiting().values().stream().mapToInt(Integer::intValue).sum();
    return new LaneRow(
        s.name(),
        provider,
        s.maxInFlight(),
        s.inFlight(),
        s.waiting(),
        waiting,
        s.requestsPerMinute(),
        s.tokensPerMinute(),
        s.requestsLastMinute(),
        s.tokensLastMinute(),
        s.pausedUntil(),
        breaker);
  }

  /**
   * Two nodes' rows of one lane as one: what is in flight, waiting and spent adds up; the caps add
   * up too unless the budgets are the cluster's ({@code sharedBudgets}), which every node shows
   * alike; a pause lasts until the latest; the breaker shown is the most open one.
   */
  static LaneRow plus(LaneRow a, LaneRow b, boolean sharedBudgets) {
    Map<Priority, Integer> waiting = new java.util.EnumMap<>(Priority.class);
    waiting.putAll(a.waiting());
    b.waiting().forEach((priority, n) -> waiting.merge(priority, n, Integer::sum));
    return new LaneRow(
        a.name(),
        a.provider(),
        a.maxInFlight() + b.maxInFlight(),
        a.inFlight() + b.inFlight(),
        waiting,
        a.waitingTotal() + b.waitingTotal(),
        sharedBudgets ? a.requestsPerMinute() : a.requestsPerMinute() + b.requestsPerMinute(),
        sharedBudgets ? a.tokensPerMinute() : a.tokensPerMinute() + b.tokensPerMinute(),
        a.requestsLastMinute() + b.requestsLastMinute(),
        a.tokensLastMinute() + b.tokensLastMinute(),
        later(a.pausedUntil(), b.pausedUntil()),
        openness(b.breaker()) > openness(a.breaker()) ? b.breaker() : a.breaker());
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static int openness(String breaker) {
    return switch (breaker == null ? "" : breaker) {
      case "FORCED_OPEN" -> 4;
      case "OPEN" -> 3;
      case "HALF_OPEN" -> 2;
      case "CLOSED" -> 1;
      default -> 0;
    };
  }
}
