package dev.sluice.admission;

import java.time.Instant;
import java.util.Map;

/**
 * A lane's state at one instant.
 *
 * @param name the lane
 * @param maxInFlight concurrency limit (more may be in flight just after it was lowered)
 * @param inFlight calls admitted and not yet released
 * @param waiting waiting calls by priority (every priority present, 0 when none)
 * @param requestsPerMinute request budget per period, as the lane applies it now
 * @param tokensPerMinute token budget per period, as the lane applies it now
 * @param maxQueued waiting calls allowed before the next one is refused (more may be waiting after
 *     the limit was lowered: they keep their place)
 * @param requestsAvailable requests the budget allows right now
 * @param tokensAvailable tokens the budget allows right now (negative after an overdraft)
 * @param requestsLastMinute requests admitted in the last budget period
 * @param tokensLastMinute tokens charged (after reconciliation) in the last budget period
 * @param pausedUntil when a pause ends, or null
 * @param admitted calls admitted since start
 * @param rejected calls refused because the queue was full since start
 */
public record LaneSnapshot(
    String name,
    int maxInFlight,
    int inFlight,
    Map<Priority, Integer> waiting,
    long requestsPerMinute,
    long tokensPerMinute,
    int maxQueued,
    long requestsAvailable,
    long tokensAvailable,
    long requestsLastMinute,
    long tokensLastMinute,
    Instant pausedUntil,
    long admitted,
    long rejected) {}
