package dev.sluice.llm;

import java.util.Objects;
import java.util.Set;

/**
 * A catalog entry: which provider serves a model, how much it can read and write, what it can do
 * and what it costs.
 */
public record ModelInfo(
    String id,
    String provider,
    int contextWindow,
    int maxOutputTokens,
    Set<Capability> capabilities,
    Price price) {

  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(price, "price");
    capabilities = Set.copyOf(capabilities);
    if (contextWindow <= 0 || maxOutputTokens <= 0) {
      throw new IllegalArgumentException("context window and max output must be positive: " + id);
    }
  }

  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }
}
