package dev.sluice.console;

import java.time.Instant;

/** A batch that is running (or starting, or stopping), with how far it has got. */
public record RunningBatch(
    String id,
    String owner,
    String status,
    int documents,
    long expected,
    long done,
    long failed,
    double percent,
    double itemsPerSecond,
    Instant estimatedCompletion) {}
