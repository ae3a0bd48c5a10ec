package dev.sluice.admission.service;

import dev.sluice.platform.cluster.ClusterBus;
import dev.sluice.platform.cluster.ClusterEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * One breaker per provider for the cluster, as near as live signals make it: a trip on any node, or
 * an operator's steering on any node's console, reaches every node over the cluster bus within
 * milliseconds ({@link BreakerFollower}). Off on a single server, with the bus.
 */
@ApplicationScoped
public class SharedBreakers {

  static final String KIND = "breaker";

  @Inject ClusterBus bus;
  @Inject AdmissionGate gate;

  private BreakerFollower follower;

  @PostConstruct
  void create() {
    if (bus.enabled()) {
      follower = new BreakerFollower(gate.breakers(), change -> bus.publish(KIND, change.toJson()));
    }
  }

  /** Created with the application, so that trips are told from the first. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Nothing to do: observing made the container create the bean.
  }

  public void forcedOpen(String provider) {
    steered(provider, BreakerChange.Change.FORCED_OPEN);
  }

  public void forcedClosed(String provider) {
    steered(provider, BreakerChange.Change.FORCED_CLOSED);
  }

  public void reset(String provider) {
    steered(provider, BreakerChange.Change.RESET);
  }

  void onClusterEvent(@Observes ClusterEvent event) {
    if (follower != null && KIND.equals(event.kind())) {
      follower.follow(BreakerChange.fromJson(event.body()));
    }
  }

  private void steered(String provider, BreakerChange.Change change) {
    if (follower != null) {
      follower.steered(provider, change);
    }
  }
}
