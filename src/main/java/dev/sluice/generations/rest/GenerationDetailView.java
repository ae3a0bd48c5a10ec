package dev.sluice.generations.rest;

import dev.sluice.generations.Generation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One generation in full: the list's fields, every try ({@code attemptList}), the models tried in
 * order, and the prompt and answer when the configuration kept them ({@code textPersisted}).
 */
public record GenerationDetailView(
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
    BigDecimal costUsd,
    JsonArray attemptList,
    List<String> fallbackChain,
    boolean textPersisted,
    String prompt,
    String answer) {

  static GenerationDetailView of(Generation g) {
    GenerationView v = GenerationView.of(g);
    return new GenerationDetailView(
        v.id(),
        v.startedAt(),
        v.endedAt(),
        v.source(),
        v.reference(),
        v.batchId(),
        v.owner(),
        v.model(),
        v.answeredModel(),
        v.provider(),
        v.priority(),
        v.status(),
        v.errorKind(),
        v.errorMessage(),
        v.attempts(),
        v.gateWaitMs(),
        v.timeToFirstTokenMs(),
        v.totalMs(),
        v.inputTokens(),
        v.outputTokens(),
        v.costUsd(),
        attempts(g.attemptsJson()),
        g.fallbackChain() == null || g.fallbackChain().isBlank()
            ? List.of()
            : Arrays.asList(g.fallbackChain().split(",")),
        g.prompt() != null,
        g.prompt(),
        g.answer());
  }

  private static JsonArray attempts(String json) {
    if (json == null || json.isBlank()) {
      return JsonArray.EMPTY_JSON_ARRAY;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
