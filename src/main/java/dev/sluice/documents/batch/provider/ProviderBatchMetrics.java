package dev.sluice.documents.batch.provider;

import dev.sluice.llm.batch.ProviderBatch;
import dev.sluice.platform.metrics.Label;
import dev.sluice.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Provider mode's metrics: provider batches by their status at the provider as last polled ({@code
 * sluice_provider_batches{status}}), analyses waiting in them ({@code
 * sluice_provider_batch_requests}), and what collected results saved against the list price, in
 * micro-dollars ({@code sluice_provider_batch_saved_microusd_total}). The gauges are refreshed at
 * every poll.
 */
@ApplicationScoped
public class ProviderBatchMetrics {

  @Inject Meters meters;
  @Inject ProviderBatchStore store;

  private volatile Map<String, Long> byStatus = Map.of();
  private volatile long waiting;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    List<String> statuses = new ArrayList<>(List.of(ProviderBatchRecord.CREATING));
    for (ProviderBatch.Status s : ProviderBatch.Status.values()) {
      statuses.add(s.name());
    }
    for (String status : statuses) {
      meters.gauge(
          "sluice.provider.batches",
          "Provider batches by their status at the provider, as last polled",
          () -> byStatus.getOrDefault(status, 0L),
          Label.of("status", status.toLowerCase(Locale.ROOT)));
    }
    meters.gauge(
        "sluice.provider.batch.requests",
        "Analyses handed to provider batches and not collected yet",
        () -> waiting);
  }

  /** Reads the figures again (the poller, once per round). */
  public void refresh() {
    byStatus = store.countByStatus();
    waiting = store.waitingAll();
  }

  /** Counts what collected results saved against the list price. */
  public void saved(BigDecimal usd) {
    long micro = usd.movePointRight(6).longValue();
    if (micro > 0) {
      meters.count("sluice.provider.batch.saved.microusd", micro);
    }
  }
}
