package dev.sluice.admission.rest;

import dev.sluice.admission.BreakerView;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.admission.service.SharedBreakers;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's providers: each configured provider with its models, its circuit breaker and its
 * models' lanes, and the breaker's steering wheel. Admins only ({@code /api/admin/*} in web.xml).
 */
@Path("/admin/providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: providers and lanes", description = "Providers, breakers and lane settings")
public class AdminProvidersResource {

  private static final Logger LOG = Logger.getLogger(AdminProvidersResource.class.getName());

  @Inject AdminLaneViews views;
  @Inject AdmissionGate gate;
  @Inject SharedBreakers shared;
  @Inject Caller caller;

  @GET
  @Operation(summary = "Every configured provider, its breaker, and every lane of its models")
  @APIResponse(responseCode = "200", description = "Providers in configuration order")
  public List<ProviderView> providers() {
    return views.providers();
  }

  @POST
  @Path("/{name}/breaker/force-open")
  @Operation(summary = "Open the breaker and keep it open: calls fail fast or fall back")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView forceOpen(@PathParam("name") String name) {
    return steer(name, "forced open", ProviderBreakers::forceOpen, shared::forcedOpen);
  }

  @POST
  @Path("/{name}/breaker/force-closed")
  @Operation(summary = "Close the breaker and keep it closed whatever the failures")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView forceClosed(@PathParam("name") String name) {
    return steer(name, "forced closed", ProviderBreakers::forceClosed, shared::forcedClosed);
  }

  @POST
  @Path("/{name}/breaker/reset")
  @Operation(summary = "Back to closed with an empty window, judging health afresh")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView reset(@PathParam("name") String name) {
    return steer(name, "reset", ProviderBreakers::reset, shared::reset);
  }

  /** Steers this node's breaker, and in a cluster every other node's ({@link SharedBreakers}). */
  private BreakerView steer(
      String name,
      String what,
      BiConsumer<ProviderBreakers, String> action,
      Consumer<String> cluster) {
    String provider = views.knownProvider(name);
    action.accept(gate.breakers(), provider);
    cluster.accept(provider);
    LOG.info(() -> "breaker of provider " + provider + " " + what + " by " + caller.name());
    return gate.breakers().view(provider);
  }
}
