package dev.sluice.documents.analysis;

import dev.sluice.llm.ChatResult;
import dev.sluice.llm.Transcription;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What one analysis spent, summed over all its calls (sections, the final call, a repair, a
 * transcription): tokens, cost, attempts and time, plus the model that answered last and the
 * transcript made on the way. Section calls finish concurrently, hence the lock.
 */
final class Tally {

  private final LongSupplier nanoClock;
  private final long startNanos;
  private long inputTokens;
  private long outputTokens;
  private BigDecimal costUsd = BigDecimal.ZERO;
  private int attempts;
  private String model;
  private String transcript;

  Tally(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
  }

  synchronized void answered(ChatResult result, int tries) {
    inputTokens += result.usage().inputTokens();
    outputTokens += result.usage().outputTokens();
    addCost(result.costUsd());
    attempts += tries;
    model = result.answeredModel() != null ? result.answeredModel() : result.requestedModel();
  }

  synchronized void failed(int tries) {
    attempts += tries;
  }

  synchronized void transcribed(Transcription transcription) {
    attempts++;
    addCost(transcription.costUsd());
    model = transcription.model();
    transcript = transcription.text();
  }

  synchronized AnalysisOutcome completed(String output) {
    return outcome(AnalysisStatus.COMPLETED, output, null, null);
  }

  synchronized AnalysisOutcome failed(String code, String message) {
    return outcome(AnalysisStatus.FAILED, null, code, message);
  }

  private AnalysisOutcome outcome(
      AnalysisStatus status, String output, String code, String message) {
    long millis = Duration.ofNanos(nanoClock.getAsLong() - startNanos).toMillis();
    return new AnalysisOutcome(
        status,
        output,
        model,
        clamp(inputTokens),
        clamp(outputTokens),
        costUsd,
        attempts,
        millis,
        code,
        message,
        transcript);
  }

  private void addCost(BigDecimal cost) {
    if (cost != null) {
      costUsd = costUsd.add(cost);
    }
  }

  private static int clamp(long n) {
    return (int) Math.min(Integer.MAX_VALUE, n);
  }
}
