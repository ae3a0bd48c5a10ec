package dev.sluice.admission.rest;

import dev.sluice.admission.BreakerView;
import dev.sluice.admission.ProviderBreakers;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reads the admission gate's live state, and steers the providers' circuit breakers (force open,
 * force closed, reset) for operators.
 */
@Path("/admission")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admission", description = "The admission gate in front of every provider call")
public class AdmissionResource {

  @Inject AdmissionGate gate;
  @Inject ProviderRegistry registry;

  @GET
  @Operation(summary = "Every lane's live state and every provider's breaker")
  @APIResponse(responseCode = "200", description = "Lanes appear once they have had a call")
  public AdmissionView state() {
    return new AdmissionView(gate.lanes(), gate.breakers().views());
  }

  @GET
  @Path("/breakers/{provider}")
  @Operation(summary = "One provider's circuit breaker")
  @APIResponse(responseCode = "200", description = "The breaker")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView breaker(@PathParam("provider") String provider) {
    return gate.breakers().view(known(provider));
  }

  @POST
  @Path("/breakers/{provider}/force-open")
  @Operation(summary = "Open the breaker and keep it open: calls fail fast or fall back")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView forceOpen(@PathParam("provider") String provider) {
    return steer(provider, (b, p) -> b.forceOpen(p));
  }

  @POST
  @Path("/breakers/{provider}/force-closed")
  @Operation(summary = "Close the breaker and keep it closed whatever the failures")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView forceClosed(@PathParam("provider") String provider) {
    return steer(provider, (b, p) -> b.forceClosed(p));
  }

  @POST
  @Path("/breakers/{provider}/reset")
  @Operation(summary = "Back to closed with an empty window")
  @APIResponse(responseCode = "200", description = "The breaker after the change")
  @APIResponse(responseCode = "404", description = "No such provider")
  public BreakerView reset(@PathParam("provider") String provider) {
    return steer(provider, (b, p) -> b.reset(p));
  }

  private BreakerView steer(String provider, BiConsumer<ProviderBreakers, String> action) {
    action.accept(gate.breakers(), known(provider));
    return gate.breakers().view(provider);
  }

  private String known(String provider) {
    return registry
        .directory()
        .provider(provider)
        .map(p -> p.name())
        .orElseThrow(() -> ProblemException.notFound("provider", provider));
  }
}
