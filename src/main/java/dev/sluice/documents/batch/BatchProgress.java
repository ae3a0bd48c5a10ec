package dev.sluice.documents.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a batch has got, in results (one per document and analysis): done (completed or skipped),
 * failed and remaining, in total and per partition; tokens and cost; the rate and, while it runs,
 * when it should end at that rate.
 */
public record BatchProgress(
    long expected,
    long done,
    long failed,
    long remaining,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd,
    double itemsPerSecond,
    Instant estimatedCompletion,
    List<PartitionProgress> partitions,
    ProviderProgress provider) {

  /**
   * A provider-mode batch's provider side: analyses handed to provider batches and not collected
   * yet (counted in {@code remaining}), what the collected ones cost at the batch price and would
   * have cost at the list price, the saving so far, and each provider batch.
   */
  public record ProviderProgress(
      long waiting,
      BigDecimal costUsd,
      BigDecimal listCostUsd,
      BigDecimal estimatedSavingUsd,
      List<ProviderBatchProgress> batches) {}

  /**
   * One provider batch: its status at the provider ({@code CREATING} before it is made) and the
   * counts it reported at the last poll; {@code collection} waiting, collecting or collected.
   */
  public record ProviderBatchProgress(
      String id,
      String provider,
      String providerBatchId,
      String status,
      int requests,
      int succeeded,
      int errored,
      int expired,
      int cancelled,
      String collection,
      Instant createdAt) {}

  /** The same progress with its provider side. */
  public BatchProgress withProvider(ProviderProgress side) {
    return new BatchProgress(
        expected,
        done,
        failed,
        remaining,
        inputTokens,
        outputTokens,
        costUsd,
        itemsPerSecond,
        estimatedCompletion,
        partitions,
        side);
  }

  /** One partition's share: items {@code firstItem} to {@code lastItem}. */
  public record PartitionProgress(
      int partition, int firstItem, int lastItem, long done, long failed, long remaining) {}

  /** Counts of one partition's results by outcome, with their tokens and cost, from the store. */
  public record Tally(
      int partition,
      long done,
      long failed,
      long inputTokens,
      long outputTokens,
      BigDecimal cost) {}

  static BatchProgress of(AnalysisBatch batch, List<Tally> tallies, Instant now) {
    int analyses = batch.analyses().size();
    List<PartitionRanges.Range> ranges =
        PartitionRanges.split(batch.itemCount(), batch.partitions());
    List<PartitionProgress> partitions = new ArrayList<>();
    long done = 0;
    long failed = 0;
    long in = 0;
    long out = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (int p = 0; p < ranges.size(); p++) {
      Tally t = tallyOf(tallies, p);
      long expected = (long) ranges.get(p).size() * analyses;
      partitions.add(
          new PartitionProgress(
              p,
              ranges.get(p).first(),
              ranges.get(p).last(),
              t.done(),
              t.failed(),
              Math.max(0, expected - t.done() - t.failed())));
      done += t.done();
      failed += t.failed();
      in += t.inputTokens();
      out += t.outputTokens();
      cost = cost.add(t.cost());
    }
    long expected = (long) batch.itemCount() * analyses;
    long remaining = Math.max(0, expected - done - failed);
    double rate = rate(batch, done + failed, analyses, now);
    Instant eta =
        batch.status().isFinal() || rate <= 0 || remaining == 0
            ? null
            : now.plusMillis((long) (remaining / (double) analyses / rate * 1000));
    return new BatchProgress(
        expected,
        done,
        failed,
        remaining,
        in,
        out,
        cost.setScale(6, RoundingMode.HALF_UP),
        rate,
        eta,
        List.copyOf(partitions),
        null);
  }

  private static Tally tallyOf(List<Tally> tallies, int partition) {
    return tallies.stream()
        .filter(t -> t.partition() == partition)
        .findFirst()
        .orElse(new Tally(partition, 0, 0, 0, 0, BigDecimal.ZERO));
  }

  /** Documents (all their analyses) per second since the batch started. */
  private static double rate(AnalysisBatch batch, long results, int analyses, Instant now) {
    if (batch.startedAt() == null || results == 0) {
      return 0;
    }
    Instant end = batch.finishedAt() != null ? batch.finishedAt() : now;
    double seconds = Math.max(0.001, Duration.between(batch.startedAt(), end).toMillis() / 1000.0);
    return Math.round(results / (double) analyses / seconds * 100) / 100.0;
  }
}
