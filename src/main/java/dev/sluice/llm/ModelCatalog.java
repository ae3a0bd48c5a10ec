package dev.sluice.llm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every model Sluice knows: shipped defaults merged with configuration, looked up by id. */
public final class ModelCatalog {

  private final Map<String, ModelInfo> models;

  public ModelCatalog(List<ModelInfo> entries) {
    Map<String, ModelInfo> byId = new LinkedHashMap<>();
    for (ModelInfo model : entries) {
      byId.put(model.id(), model);
    }
    this.models = Collections.unmodifiableMap(byId);
  }

  public Optional<ModelInfo> find(String id) {
    return Optional.ofNullable(id).map(models::get);
  }

  public Collection<ModelInfo> all() {
    return models.values();
  }

  public List<ModelInfo> servedBy(String provider) {
    return models.values().stream().filter(m -> m.provider().equals(provider)).toList();
  }
}
