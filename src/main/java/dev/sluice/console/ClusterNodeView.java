package dev.sluice.console;

import java.time.Instant;

/**
 * One node as the console shows it: whether it is up, its lease, and what it runs now.
 *
 * @param state {@code up}, or how it ended ({@code stopped}, {@code restarted}, {@code expired})
 * @param self whether it is the node that answered this request
 * @param streamingAnswers answers it is streaming now (an ended node's are being recovered)
 * @param runningBatches batches whose job execution runs on it
 * @param recoveredBy the node that took over its work, once one has
 */
public record ClusterNodeView(
    String id,
    String name,
    String state,
    boolean self,
    Instant startedAt,
    Instant heartbeatAt,
    Instant endedAt,
    String recoveredBy,
    Instant recoveredAt,
    long streamingAnswers,
    long runningBatches) {}
