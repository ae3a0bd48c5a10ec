package dev.sluice.documents.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ConcurrencyLimiter} per running batch, shared by all its partitions, so a batch's
 * {@code maxConcurrency} bounds its calls however many partitions run. The admission gate still
 * caps every provider's calls across all batches and chats.
 */
@ApplicationScoped
public class BatchLimiters {

  private final Map<String, ConcurrencyLimiter> limiters = new ConcurrentHashMap<>();

  public ConcurrencyLimiter of(String batchId, int maxConcurrency) {
    return limiters.computeIfAbsent(batchId, id -> new ConcurrencyLimiter(maxConcurrency));
  }

  /** Calls in flight for the batch now (0 when it is not running). */
  public int inFlight(String batchId) {
    ConcurrencyLimiter limiter = limiters.get(batchId);
    return limiter == null ? 0 : limiter.inFlight();
  }

  public void release(String batchId) {
    limiters.remove(batchId);
  }
}
