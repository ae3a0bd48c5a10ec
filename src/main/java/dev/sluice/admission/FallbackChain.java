package dev.sluice.admission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which models to try, in order, when a requested model cannot answer. A model's chain is exactly
 * what is configured for it (not followed transitively), so a chain never visits a model twice and
 * never comes back to the requested model.
 */
public final class FallbackChain {

  private static final FallbackChain NONE = new FallbackChain(Map.of());

  private final Map<String, List<String>> fallbacks;

  /**
   * @param fallbacks per requested model, the models to try after it, in order
   * @throws IllegalArgumentException if a list names its own model or one model twice
   */
  public FallbackChain(Map<String, List<String>> fallbacks) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fallbacks.forEach(
        (model, list) -> {
          validate(model, list);
          copy.put(model, List.copyOf(list));
        });
    this.fallbacks = Map.copyOf(copy);
  }

  public static FallbackChain none() {
    return NONE;
  }

  /** The requested model first, then its fallbacks. */
  public List<String> chainFor(String requestedModel) {
    List<String> chain = new ArrayList<>();
    chain.add(requestedModel);
    chain.addAll(fallbacks.getOrDefault(requestedModel, List.of()));
    return List.copyOf(chain);
  }

  private static void validate(String model, List<String> list) {
    Set<String> seen = new HashSet<>();
    seen.add(model);
    for (String next : list) {
      if (!seen.add(next)) {
        throw new IllegalArgumentException(
            "fallback chain of '" + model + "' visits '" + next + "' twice: " + list);
      }
    }
  }
}
