package dev.sluice.admission.rest;

import dev.sluice.admission.LaneSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lane's settings as the console shows them; durations in milliseconds. */
@Schema(name = "LaneSettings", description = "A lane's limits; budgets are per period.")
public record LaneSettingsView(
    int maxInFlight,
    long requestsPerMinute,
    long tokensPerMinute,
    int maxQueued,
    long periodMs,
    double burstFraction,
    long agingStepMs) {

  static LaneSettingsView of(LaneSettings s) {
    return new LaneSettingsView(
        s.maxInFlight(),
        s.requestsPerMinute(),
        s.tokensPerMinute(),
        s.maxQueued(),
        s.period().toMillis(),
        s.burstFraction(),
        s.agingStep().toMillis());
  }
}
