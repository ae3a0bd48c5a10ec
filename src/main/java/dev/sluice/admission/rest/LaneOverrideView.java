package dev.sluice.admission.rest;

import dev.sluice.admission.LaneLimit;
import dev.sluice.admission.LaneOverride;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's override of a lane: null limits keep their configured value. */
@JsonbNillable
@Schema(name = "LaneOverride", description = "Limits set at run time; null keeps configuration.")
public record LaneOverrideView(
    Integer maxInFlight,
    Long requestsPerMinute,
    Long tokensPerMinute,
    Integer maxQueued,
    Instant updatedAt,
    String updatedBy) {

  static LaneOverrideView of(LaneOverride o) {
    return new LaneOverrideView(
        count(o.get(LaneLimit.MAX_IN_FLIGHT)),
        o.get(LaneLimit.REQUESTS_PER_MINUTE),
        o.get(LaneLimit.TOKENS_PER_MINUTE),
        count(o.get(LaneLimit.MAX_QUEUED)),
        o.updatedAt(),
        o.updatedBy());
  }

  private static Integer count(Long value) {
    return value == null ? null : value.intValue();
  }
}
