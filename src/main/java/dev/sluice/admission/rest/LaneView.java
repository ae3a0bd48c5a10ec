package dev.sluice.admission.rest;

import dev.sluice.admission.LaneSnapshot;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One admission lane for the console.
 *
 * @param name the lane ("provider/model", or "provider" when its models share one)
 * @param provider the provider whose calls wait in it
 * @param models the catalog models whose calls wait in it
 * @param configured the settings from configuration
 * @param override the operator's override, or null
 * @param effective what the lane applies: configuration with the override on top
 * @param live the lane's state on this server, or null when it has had no call here yet
 */
@JsonbNillable
@Schema(name = "AdminLane", description = "A lane's configured settings, override and live state.")
public record LaneView(
    String name,
    String provider,
    List<String> models,
    LaneSettingsView configured,
    LaneOverrideView override,
    LaneSettingsView effective,
    LaneSnapshot live) {}
