package dev.sluice.admission.service;

import dev.sluice.platform.json.JsonFactories;
import jakarta.json.JsonObject;

/**
 * What happened to a provider's breaker on the node that tells the cluster ({@link
 * SharedBreakers}), as it travels on the bus.
 */
record BreakerChange(String provider, Change change) {

  /** A trip by failures, or an operator's steering. */
  enum Change {
    TRIPPED,
    FORCED_OPEN,
    FORCED_CLOSED,
    RESET
  }

  JsonObject toJson() {
    return JsonFactories.BUILDERS
        .createObjectBuilder()
        .add("provider", provider)
        .add("change", change.name())
        .build();
  }

  static BreakerChange fromJson(JsonObject json) {
    return new BreakerChange(json.getString("provider"), Change.valueOf(json.getString("change")));
  }
}
