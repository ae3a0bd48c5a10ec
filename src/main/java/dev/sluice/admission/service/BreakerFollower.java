package dev.sluice.admission.service;

import dev.sluice.admission.ProviderBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.util.function.Consumer;

/**
 * Keeps one node's breakers in step with the cluster's: tells the others when one of its breakers
 * trips (closed or half-open to open: the provider failed here), and follows what they tell it. An
 * operator's steering (forced open, forced closed, reset) is told and followed alike. Closing again
 * is each node's own: its half-open probes judge. A change followed from another node is not told
 * again, so nothing echoes.
 */
final class BreakerFollower {

  private final ProviderBreakers breakers;
  private final Consumer<BreakerChange> tell;
  private final ThreadLocal<Boolean> following = new ThreadLocal<>();

  BreakerFollower(ProviderBreakers breakers, Consumer<BreakerChange> tell) {
    this.breakers = breakers;
    this.tell = tell;
    breakers.addTransitionListener(this::onTransition);
  }

  /** An operator steered the provider's breaker on this node. */
  void steered(String provider, BreakerChange.Change change) {
    tell.accept(new BreakerChange(provider, change));
  }

  /** Another node's change. */
  void follow(BreakerChange change) {
    following.set(Boolean.TRUE);
    try {
      switch (change.change()) {
        case TRIPPED -> breakers.trip(change.provider());
        case FORCED_OPEN -> breakers.forceOpen(change.provider());
        case FORCED_CLOSED -> breakers.forceClosed(change.provider());
        case RESET -> breakers.reset(change.provider());
      }
    } finally {
      following.remove();
    }
  }

  private void onTransition(String provider, State from, State to) {
    boolean tripped = to == State.OPEN && (from == State.CLOSED || from == State.HALF_OPEN);
    if (tripped && following.get() == null) {
      tell.accept(new BreakerChange(provider, BreakerChange.Change.TRIPPED));
    }
  }
}
