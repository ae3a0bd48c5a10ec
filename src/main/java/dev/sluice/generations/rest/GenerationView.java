package dev.sluice.generations.rest;

import dev.sluice.generations.Generation;
import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A generation as the console shows it. In a list the detail fields ({@code attemptList} to {@code
 * answer}) are null; {@code GET /generations/{id}} fills them: every try, the models tried in
 * order, and the prompt and answer when the configuration kept them ({@code textPersisted}).
 */
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
    boolean usageEstimated,
    BigDecimal costUsd,
    JsonArray attemptList,
    List<String> fallbackChain,
    Boolean textPersisted,
    String prompt,
    String answer) {

  /** The list's fields only. */
  static GenerationView summary(Generation g) {
    return of(g, null, null, null);
  }

  /** Every field, with the tries parsed from their stored JSON. */
  static GenerationView detail(Generation g) {
    return of(
        g,
        attempts(g.attemptsJson()),
        g.fallbackChain() == null || g.fallbackChain().isBlank()
            ? List.of()
            : Arrays.asList(g.fallbackChain().split(",")),
        g.prompt() != null);
  }

  private static GenerationView of(
      Generation g, JsonArray attempts, List<String> chain, Boolean textPersisted) {
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
        g.usageEstimated(),
        g.costUsd(),
        attempts,
        chain,
        textPersisted,
        g.prompt(),
        g.answer());
  }

  private static JsonArray attempts(String json) {
    if (json == null || json.isBlank()) {
      return JsonArray.EMPTY_JSON_ARRAY;
    }
    try (JsonReader reader = JsonFactories.READERS.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
