package dev.sluice.admission.service;

import dev.sluice.admission.Attempt;
import dev.sluice.admission.Lane;
import dev.sluice.admission.LaneSnapshot;
import dev.sluice.admission.Priority;
import dev.sluice.admission.ProviderBreakers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gate's metrics, per lane: live gauges read from the lane's snapshot (in flight, waiting by
 * priority, budgets and their use, pause), and counters and wait-time histograms derived from each
 * finished call's attempts (admitted, rejected, 429s, retries, fallbacks); breaker state and
 * transitions per provider.
 */
@ApplicationScoped
public class AdmissionMetrics {

  @Inject MetricRegistry registry;

  private final Set<String> breakersSeen = ConcurrentHashMap.newKeySet();

  /** Registers the lane's gauges; returns the lane. */
  public Lane watch(Lane lane) {
    Tag tag = new Tag("lane", lane.name());
    gauge("sluice.admission.in.flight", lane, s -> s.inFlight(), tag);
    gauge("sluice.admission.max.in.flight", lane, s -> s.maxInFlight(), tag);
    for (Priority p : Priority.values()) {
      gauge(
          "sluice.admission.waiting",
          lane,
          s -> s.waiting().getOrDefault(p, 0),
          tag,
          new Tag("priority", p.name().toLowerCase()));
    }
    gauge("sluice.admission.requests.used", lane, LaneSnapshot::requestsLastMinute, tag);
    gauge("sluice.admission.requests.budget", lane, LaneSnapshot::requestsPerMinute, tag);
    gauge("sluice.admission.tokens.used", lane, LaneSnapshot::tokensLastMinute, tag);
    gauge("sluice.admission.tokens.budget", lane, LaneSnapshot::tokensPerMinute, tag);
    gauge("sluice.admission.paused", lane, s -> s.pausedUntil() == null ? 0 : 1, tag);
    return lane;
  }

  /** Breaker state as a number (0 closed, 1 open, 2 half-open, 3 disabled, 4 forced open). */
  public void watchBreakers(ProviderBreakers breakers) {
    breakers.addTransitionListener(
        (provider, from, to) -> {
          registry
              .counter(
                  "sluice.admission.breaker.transitions",
                  new Tag("provider", provider),
                  new Tag("to", to.name().toLowerCase()))
              .inc();
          watchBreaker(breakers, provider);
        });
  }

  /** Registers the provider's breaker-state gauge once. */
  public void watchBreaker(ProviderBreakers breakers, String provider) {
    if (breakersSeen.add(provider)) {
      registry.gauge(
          "sluice.admission.breaker.state",
          breakers,
          b -> b.state(provider).getOrder(),
          new Tag("provider", provider));
    }
  }

  /** Counts what a finished call's attempts did. */
  public void recordAttempts(Priority priority, List<Attempt> attempts) {
    Set<String> models = new HashSet<>();
    for (Attempt a : attempts) {
      Tag lane = new Tag("lane", a.lane() == null ? "none" : a.lane());
      Tag prio = new Tag("priority", priority.name().toLowerCase());
      boolean retry = !models.add(a.model());
      switch (a.outcome()) {
        case REJECTED_QUEUE_FULL -> registry.counter("sluice.admission.rejected", lane).inc();
        case REJECTED_BY_BREAKER ->
            registry.counter("sluice.admission.breaker.refused", lane).inc();
        default -> {
          registry.counter("sluice.admission.admitted", lane, prio).inc();
          registry.timer("sluice.admission.wait", lane, prio).update(a.queueWait());
        }
      }
      if (a.errorKind() == dev.sluice.llm.LlmErrorKind.RATE_LIMITED) {
        registry.counter("sluice.admission.rate.limited", lane).inc();
      }
      if (retry) {
        registry.counter("sluice.admission.retries", lane).inc();
      }
    }
    if (models.size() > 1) {
      registry.counter("sluice.admission.fallbacks").inc(models.size() - 1L);
    }
  }

  private void gauge(String name, Lane lane, ToLongFunction<LaneSnapshot> value, Tag... tags) {
    registry.gauge(name, lane, l -> value.applyAsLong(l.snapshot()), tags);
  }
}
