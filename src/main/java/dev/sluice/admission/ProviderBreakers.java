package dev.sluice.admission;

import dev.sluice.llm.LlmErrorKind;
import dev.sluice.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Resilience4j circuit breaker per provider, and the steering wheel for the admin console. Only
 * failures that say the provider is unwell count against it (server errors, overload, timeouts,
 * connection failures, and streams interrupted by those); every other error (rate limits, invalid
 * requests, authentication, cancellation) is ignored: it neither counts as a failure nor as a
 * success, and frees a half-open probe slot.
 */
public final class ProviderBreakers {

  /** Hears every state transition of every provider's breaker, for metrics and logs. */
  @FunctionalInterface
  public interface TransitionListener {
    void onTransition(String provider, CircuitBreaker.State from, CircuitBreaker.State to);
  }

  private static final Set<LlmErrorKind> UNWELL =
      EnumSet.of(
          LlmErrorKind.SERVER_ERROR,
          LlmErrorKind.OVERLOADED,
          LlmErrorKind.CONNECT_TIMEOUT,
          LlmErrorKind.CONNECTION_FAILED,
          LlmErrorKind.FIRST_TOKEN_TIMEOUT,
          LlmErrorKind.IDLE_TIMEOUT);

  private final CircuitBreakerConfig config;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final List<TransitionListener> listeners = new CopyOnWriteArrayList<>();

  public ProviderBreakers(BreakerSettings settings, Clock clock) {
    this.config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            // SYNCHRONIZED: the lock-free time window reads the system clock, not ours.
            .slidingWindow(
                (int) settings.slidingWindow().toSeconds(),
                settings.minimumNumberOfCalls(),
                SlidingWindowType.TIME_BASED,
                SlidingWindowSynchronizationStrategy.SYNCHRONIZED)
            .waitDurationInOpenState(settings.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
            .recordException(ProviderBreakers::countsAsFailure)
            .ignoreException(t -> !countsAsFailure(t))
            .clock(clock)
            .build();
  }

  /** Whether an error says the provider itself is unwell. */
  public static boolean countsAsFailure(Throwable error) {
    if (!(error instanceof LlmException e)) {
      return false;
    }
    LlmErrorKind kind = e.kind() == LlmErrorKind.STREAM_INTERRUPTED ? e.interruptedBy() : e.kind();
    return kind != null && UNWELL.contains(kind);
  }

  /**
   * Asks the provider's breaker for a call: a pass to report the outcome on exactly once, or null
   * when the breaker is open and the call must not go out.
   */
  public BreakerPass tryPass(String provider) {
    CircuitBreaker breaker = breaker(provider);
    return breaker.tryAcquirePermission() ? new BreakerPass(breaker) : null;
  }

  public CircuitBreaker.State state(String provider) {
    return breaker(provider).getState();
  }

  public BreakerView view(String provider) {
    return BreakerView.of(provider, breaker(provider));
  }

  /** Every provider that has a breaker yet, by name. */
  public List<BreakerView> views() {
    return breakers.entrySet().stream()
        .map(e -> BreakerView.of(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(BreakerView::provider))
        .toList();
  }

  /**
   * Opens the breaker as its own failures would have, if it judges by them now (closed or half
   * open): another node of the cluster saw the provider fail. It half-opens after the usual wait.
   * An operator's forced state stays.
   */
  public void trip(String provider) {
    CircuitBreaker breaker = breaker(provider);
    CircuitBreaker.State state = breaker.getState();
    if (state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN) {
      try {
        breaker.transitionToOpenState();
      } catch (IllegalStateTransitionException e) {
        // It moved meanwhile (opened by its own failures, forced by an operator): as good.
      }
    }
  }

  /** Refuses every call to the provider until {@link #reset} or {@link #forceClosed}. */
  public void forceOpen(String provider) {
    breaker(provider).transitionToForcedOpenState();
  }

  /**
   * Lets every call through and records nothing, however many fail, until {@link #reset} or {@link
   * #forceOpen} (Resilience4j's DISABLED state).
   */
  public void forceClosed(String provider) {
    breaker(provider).transitionToDisabledState();
  }

  /** Back to CLOSED with an empty window, judging health afresh. */
  public void reset(String provider) {
    breaker(provider).reset();
  }

  public void addTransitionListener(TransitionListener listener) {
    listeners.add(listener);
  }

  private CircuitBreaker breaker(String provider) {
    return breakers.computeIfAbsent(provider, this::create);
  }

  private CircuitBreaker create(String provider) {
    CircuitBreaker breaker = CircuitBreaker.of(provider, config);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event -> {
              CircuitBreaker.StateTransition t = event.getStateTransition();
              listeners.forEach(l -> l.onTransition(provider, t.getFromState(), t.getToState()));
            });
    return breaker;
  }
}
