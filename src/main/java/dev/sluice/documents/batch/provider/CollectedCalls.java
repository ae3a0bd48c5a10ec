package dev.sluice.documents.batch.provider;

import dev.sluice.admission.ProviderCallEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * The calls a provider batch answered get their generation records as the gate's calls do, by a
 * {@link ProviderCallEnded} each (source {@code BATCH}, priced at the batch price), but only once
 * the chunk that wrote their results has committed: a chunk rolled back and collected again must
 * not record its calls twice. The saving is counted then too.
 */
@ApplicationScoped
public class CollectedCalls {

  /** The calls of one collecting chunk, and what they saved against the list price. */
  public record Collected(List<ProviderCallEnded> calls, BigDecimal saved) {}

  @Inject Event<ProviderCallEnded> ended;
  @Inject ProviderBatchMetrics metrics;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Collected collected) {
    collected.calls().forEach(ended::fire);
    metrics.saved(collected.saved());
  }
}
