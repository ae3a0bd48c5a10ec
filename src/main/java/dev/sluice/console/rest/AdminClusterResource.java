package dev.sluice.console.rest;

import dev.sluice.console.ClusterService;
import dev.sluice.console.ClusterView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cluster's nodes, their leases and what each runs, for the console. */
@Path("/admin/cluster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "The admin console (admin role)")
public class AdminClusterResource {

  @Inject ClusterService cluster;

  @GET
  @Operation(
      summary =
          "Every node up and those ended in the last hour: lease, who recovered its work, and its"
              + " streaming answers and running batches")
  @APIResponse(responseCode = "200", description = "The cluster")
  @APIResponse(responseCode = "503", description = "A query ran past the console's timeout")
  public ClusterView get() {
    return cluster.now();
  }
}
