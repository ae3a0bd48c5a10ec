package dev.sluice.generations.rest;

import dev.sluice.generations.Generation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A generation as the console lists it. */
public record GenerationView(
    String id,
    Instant startedAt,
    Instant endedAt,
    String source,
    String reference,
    String batchId,
    String owner,
    String model,
    String answeredModel,
    String provider,
    String priority,
    String status,
    String errorKind,
    String errorMessage,
    int attempts,
    long gateWaitMs,
    Long timeToFirstTokenMs,
    long totalMs,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd) {

  static GenerationView of(Generation g) {
    return new GenerationView(
        g.id(),
        g.startedAt(),
        g.endedAt(),
        lower(g.source().name()),
        g.reference(),
        g.batchId(),
        g.owner(),
        g.model(),
        g.answeredModel(),
        g.provider(),
        lower(g.priority()),
        lower(g.status().name()),
        g.errorKind(),
        g.errorMessage(),
        g.attemptCount(),
        g.gateWaitMs(),
        g.timeToFirstTokenMs(),
        g.totalMs(),
        g.inputTokens(),
        g.outputTokens(),
        g.costUsd());
  }

  static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
