package dev.sluice.admission.service;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * What happened to a provider's breaker on the node that tells the cluster ({@link
 * SharedBreakers}), as it travels on the bus.
 */
record BreakerChange(String provider, Change change) {

  // Looked up once: Json.createObjectBuilder() searches for the JSON-P provider on every call.
  private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

  /** A trip by failures, or an operator's steering. */
  enum Change {
    TRIPPED,
    FORCED_OPEN,
    FORCED_CLOSED,
    RESET
  }

  JsonObject toJson() {
    return BUILDERS
        .createObjectBuilder()
        .add("provider", provider)
        .add("change", change.name())
        .build();
  }

  static BreakerChange fromJson(JsonObject json) {
    return new BreakerChange(json.getString("provider"), Change.valueOf(json.getString("change")));
  }
}
