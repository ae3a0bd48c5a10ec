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
}
