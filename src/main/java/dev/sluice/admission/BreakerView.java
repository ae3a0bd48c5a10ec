package dev.sluice.admission;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * One provider's circuit breaker as the admin console shows it.
 *
 * @param provider the configured provider name
 * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN or DISABLED (forced closed); an OPEN breaker
 *     turns HALF_OPEN on the first call after its wait, not on a timer
 * @param failureRate percentage of failed calls in the window, or -1 below the minimum calls
 * @param bufferedCalls calls the window holds (failures and successes)
 * @param failedCalls failures the window holds
 * @param notPermittedCalls calls refused while open, since the last transition
 */
public record BreakerView(
    String provider,
    CircuitBreaker.State state,
    float failureRate,
    int bufferedCalls,
    int failedCalls,
    long notPermittedCalls) {

  static BreakerView of(String provider, CircuitBreaker breaker) {
    CircuitBreaker.Metrics m = breaker.getMetrics();
    return new BreakerView(
        provider,
        breaker.getState(),
        m.getFailureRate(),
        m.getNumberOfBufferedCalls(),
        m.getNumberOfFailedCalls(),
        m.getNumberOfNotPermittedCalls());
  }
}
