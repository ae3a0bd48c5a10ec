package dev.sluice.admission.rest;

import dev.sluice.admission.service.LaneSettingsService;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Run-time lane settings: an admin overrides any of a lane's four limits, stored for every server
 * and applied to the live lane at once, or puts the lane back to its configured settings. The lane
 * name may contain {@code /} ("simulated/sim-small").
 */
@Path("/admin/lanes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: providers and lanes", description = "Providers, breakers and lane settings")
public class AdminLanesResource {

  @Inject AdminLaneViews views;
  @Inject LaneSettingsService laneSettings;
  @Inject Caller caller;

  @GET
  @Path("/{lane: .+}")
  @Operation(summary = "One lane: configured settings, override and live state")
  @APIResponse(responseCode = "200", description = "The lane")
  @APIResponse(responseCode = "404", description = "No catalog model's calls wait in this lane")
  public LaneView lane(@PathParam("lane") String lane) {
    return views.lane(lane);
  }

  @PUT
  @Path("/{lane: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Override any of the lane's limits, at once and on every server")
  @RequestBody(content = @Content(schema = @Schema(implementation = LaneChange.class)))
  @APIResponse(responseCode = "200", description = "The lane after the change")
  @APIResponse(responseCode = "400", description = "A field is unknown, or out of its range")
  @APIResponse(responseCode = "404", description = "No catalog model's calls wait in this lane")
  public LaneView change(@PathParam("lane") String lane, String body) {
    String known = views.known(lane);
    laneSettings.change(known, LaneChangeReader.read(body), caller.name());
    return views.lane(known);
  }

  @DELETE
  @Path("/{lane: .+}")
  @Operation(summary = "Remove the lane's override: its configured settings apply again")
  @APIResponse(responseCode = "200", description = "The lane after the change")
  @APIResponse(responseCode = "404", description = "No catalog model's calls wait in this lane")
  public LaneView restore(@PathParam("lane") String lane) {
    String known = views.known(lane);
    laneSettings.restore(known, caller.name());
    return views.lane(known);
  }
}
