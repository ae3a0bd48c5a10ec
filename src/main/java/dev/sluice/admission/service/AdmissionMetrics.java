package dev.sluice.admission.service;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.Lane;
import dev.sluice.admission.LaneSnapshot;
import dev.sluice.admission.Priority;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The gate's metrics, per lane: live gauges read from the lane's snapshot (in flight, waiting by
 * priority, budgets and their use, pause), and counters and wait-time histograms derived from each
 * finished call's attempts (admitted, rejected, 429s, retries, fallbacks); breaker state and
 * transitions per provider.
 */
@ApplicationScoped
public class AdmissionMetrics {

  @Inject Meters meters;

  private final Set<String> breakersSeen = ConcurrentHashMap.newKeySet();

  /** Registers the lane's gauges; returns the lane. */
  public Lane watch(Lane lane) {
    Label tag = Label.of("lane", lane.name());
    gauge(
        "sluice.admission.in.flight", "Calls in flight in the lane", lane, s -> s.inFlight(), tag);
    gauge(
        "sluice.admission.max.in.flight",
        "The lane's concurrency limit",
        lane,
        s -> s.maxInFlight(),
        tag);
    for (Priority p : Priority.values()) {
      gauge(
          "sluice.admission.waiting",
          "Calls waiting in the lane, by priority",
          lane,
          s -> s.waiting().getOrDefault(p, 0),
          tag,
          Label.of("priority", p.name().toLowerCase()));
    }
    gauge(
        "sluice.admission.requests.used",
        "Requests charged in the last minute",
        lane,
        LaneSnapshot::requestsLastMinute,
        tag);
    gauge(
        "sluice.admission.requests.budget",
        "Requests allowed per minute",
        lane,
        LaneSnapshot::requestsPerMinute,
        tag);
    gauge(
        "sluice.admission.tokens.used",
        "Tokens charged in the last minute",
        lane,
        LaneSnapshot::tokensLastMinute,
        tag);
    gauge(
        "sluice.admission.tokens.budget",
        "Tokens allowed per minute",
        lane,
        LaneSnapshot::tokensPerMinute,
        tag);
    gauge(
        "sluice.admission.paused",
        "1 while the lane is paused by a provider's 429",
        lane,
        s -> s.pausedUntil() == null ? 0 : 1,
        tag);
    return lane;
  }

  /** Breaker state as a number (0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open). */
  public void watchBreakers(ProviderBreakers breakers) {
    breakers.addTransitionListener(
        (provider, from, to) -> {
          meters.count(
              "sluice.admission.breaker.transitions",
              1,
              Label.of("provider", provider),
              Label.of("to", to.name().toLowerCase()));
          watchBreaker(breakers, provider);
        });
  }

  /** Registers the provider's breaker-state gauge once. */
  public void watchBreaker(ProviderBreakers breakers, String provider) {
    if (breakersSeen.add(provider)) {
      meters.gauge(
          "sluice.admission.breaker.state",
          "Breaker state: 0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open",
          () -> breakers.state(provider).getOrder(),
          Label.of("provider", provider));
    }
  }

  /** Counts what a finished call's attempts did. */
  public void recordAttempts(Priority priority, List<Attempt> attempts) {
    Set<String> models = new HashSet<>();
    for (Attempt a : attempts) {
      Label lane = Label.of("lane", a.lane() == null ? "none" : a.lane());
      Label prio = Label.of("priority", priority.name().toLowerCase());
      boolean retry = !models.add(a.model());
      switch (a.outcome()) {
        case REJECTED_QUEUE_FULL -> meters.count("sluice.admission.rejected", 1, lane);
        case REJECTED_BY_BREAKER -> meters.count("sluice.admission.breaker.refused", 1, lane);
        default -> {
          meters.count("sluice.admission.admitted", 1, lane, prio);
          meters.time("sluice.admission.wait", a.queueWait(), lane, prio);
        }
      }
      if (a.errorKind() == dev.sluice.llm.LlmErrorKind.RATE_LIMITED) {
        meters.count("sluice.admission.rate.limited", 1, lane);
      }
      if (retry) {
        meters.count("sluice.admission.retries", 1, lane);
      }
    }
    if (models.size() > 1) {
      meters.count("sluice.admission.fallbacks", models.size() - 1L);
    }
  }

  private void gauge(
      String name,
      String description,
      Lane lane,
      ToLongFunction<LaneSnapshot> value,
      Label... labels) {
    meters.gauge(name, description, () -> value.applyAsLong(lane.snapshot()), labels);
  }
}
