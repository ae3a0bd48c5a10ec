package dev.sluice.llm;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog entry: which provider serves a model, how much it can read and write, what it can do
 * and what it costs, interactively and (for a model that can {@link Capability#BATCH}) through its
 * provider's batch API.
 */
public record ModelInfo(
    String id,
    String provider,
    int contextWindow,
    int maxOutputTokens,
    Set<Capability> capabilities,
    Price price,
    Price batchPrice) {

  /** A model whose batch price is half its list price, as both providers price their batches. */
  public ModelInfo(
      String id,
      String provider,
      int contextWindow,
      int maxOutputTokens,
      Set<Capability> capabilities,
      Price price) {
    this(id, provider, contextWindow, maxOutputTokens, capabilities, price, price.half());
  }

  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(batchPrice, "batchPrice");
    capabilities = Set.copyOf(capabilities);
    if (contextWindow <= 0 || maxOutputTokens <= 0) {
      throw new IllegalArgumentException("context window and max output must be positive: " + id);
    }
  }

  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }

  /** The price of its calls through the provider's batch API; empty when it has none. */
  public Optional<Price> providerBatchPrice() {
    return can(Capability.BATCH) ? Optional.of(batchPrice) : Optional.empty();
  }
}
