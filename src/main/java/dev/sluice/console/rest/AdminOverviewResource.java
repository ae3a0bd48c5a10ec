package dev.sluice.console.rest;

import dev.sluice.console.Overview;
import dev.sluice.console.OverviewService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What Sluice is doing now, for the console's overview (polled every two seconds). */
@Path("/admin/overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "The admin console (admin role)")
public class AdminOverviewResource {

  @Inject OverviewService overview;

  @GET
  @Operation(
      summary =
          "Chat jobs by state, running batches, today's tokens and cost, every lane, the last hour")
  @APIResponse(responseCode = "200", description = "The overview")
  @APIResponse(responseCode = "503", description = "A query ran past the console's timeout")
  public Overview get() {
    return overview.now();
  }
}
