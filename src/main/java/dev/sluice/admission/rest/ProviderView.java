package dev.sluice.admission.rest;

import dev.sluice.admission.BreakerView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A configured provider for the console: never its key, headers or base URL.
 *
 * @param name the configured name
 * @param type its wire protocol: openai, anthropic or simulated
 * @param usable whether calls can go out (a key is configured, or none is needed)
 * @param models the catalog models it serves
 * @param breaker its circuit breaker
 * @param lanes the lanes its models' calls wait in
 */
@Schema(name = "AdminProvider", description = "A provider, its breaker and its models' lanes.")
public record ProviderView(
    String name,
    String type,
    boolean usable,
    List<String> models,
    BreakerView breaker,
    List<LaneView> lanes) {}
