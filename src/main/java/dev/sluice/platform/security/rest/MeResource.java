package dev.sluice.platform.security.rest;

import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/me}: who is signed in, and whether they are an admin. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in")
public class MeResource {

  @Inject Caller caller;

  /** The caller as the pages show it. */
  public record Me(String name, boolean admin) {}

  @GET
  @Operation(summary = "The signed-in caller")
  public Me me() {
    return new Me(caller.name(), caller.isAdmin());
  }
}
