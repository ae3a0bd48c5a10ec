package dev.sluice.generations;

import dev.sluice.admission.CallOrigin;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One provider call as stored in {@code generation}.
 *
 * @param id the record's id
 * @param startedAt when the caller handed the call to the gate
 * @param endedAt when it answered, failed or was cancelled
 * @param source the kind of work it was for
 * @param reference what it produced (a chat answer's id, a document's id), or null
 * @param batchId the batch or upload run it belongs to, or null
 * @param owner the user it was for
 * @param model the model asked for
 * @param answeredModel the model that answered (a fallback, or a dated variant), or null
 * @param provider the provider of the last try, or null when no try was made
 * @param priority the priority it waited with
 * @param status how it ended
 * @param errorKind the failure's kind, or null
 * @param errorMessage the failure's message (never a key: adapters' messages hold none), or null
 * @param attemptCount tries made
 * @param attemptsJson every try as a JSON array (see {@link dev.sluice.admission.AttemptsJson})
 * @param fallbackChain the models tried, in order, comma-separated
 * @param gateWaitMs time spent waiting for admission, over all tries
 * @param timeToFirstTokenMs from sending to the first token, or null
 * @param totalMs from handing it to the gate to its end
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 * @param usageEstimated whether Sluice counted the tokens itself, the provider having reported none
 * @param costUsd cost from the catalog's prices
 * @param prompt the last user message, or null unless kept
 * @param answer the answer, or null unless kept
 */
public record Generation(
    String id,
    Instant startedAt,
    Instant endedAt,
    CallOrigin.Source source,
    String reference,
    String batchId,
    String owner,
    String model,
    String answeredModel,
    String provider,
    String priority,
    GenerationStatus status,
    String errorKind,
    String errorMessage,
    int attemptCount,
    String attemptsJson,
    String fallbackChain,
    long gateWaitMs,
    Long timeToFirstTokenMs,
    long totalMs,
    long inputTokens,
    long outputTokens,
    boolean usageEstimated,
    BigDecimal costUsd,
    String prompt,
    String answer) {

  public boolean failed() {
    return status == GenerationStatus.FAILED;
  }
}
