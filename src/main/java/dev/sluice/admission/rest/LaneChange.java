package dev.sluice.admission.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/admin/lanes/{lane}}, for the API's documentation: the request is read
 * by {@link LaneChangeReader}, which tells an absent field (unchanged) from a null one.
 */
@Schema(
    name = "LaneChange",
    description =
        "Any of the four limits: a number overrides it, null puts it back to configuration, an"
            + " absent field is left as it is.")
public record LaneChange(
    @Schema(minimum = "1", example = "4") Integer maxInFlight,
    @Schema(minimum = "1", maximum = "1000000000000") Long requestsPerMinute,
    @Schema(minimum = "1", maximum = "1000000000000") Long tokensPerMinute,
    @Schema(minimum = "0") Integer maxQueued) {}
