package dev.sluice.admission;

import dev.sluice.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A breaker's permission for one call, reported on exactly once: a success, a failure (which the
 * breaker classifies), or abandoned before the call reached the provider. Later reports do nothing,
 * so a half-open probe slot is never counted twice nor held forever.
 */
public final class BreakerPass {

  private final CircuitBreaker breaker;
  private final AtomicBoolean reported = new AtomicBoolean();

  BreakerPass(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  public void succeeded(Duration duration) {
    if (reported.compareAndSet(false, true)) {
      breaker.onSuccess(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  public void failed(Duration duration, LlmException error) {
    if (reported.compareAndSet(false, true)) {
      breaker.onError(duration.toNanos(), TimeUnit.NANOSECONDS, error);
    }
  }

  /** The call never reached the provider (queue full, cancelled while waiting). */
  public void abandon() {
    if (reported.compareAndSet(false, true)) {
      breaker.releasePermission();
    }
  }
}
