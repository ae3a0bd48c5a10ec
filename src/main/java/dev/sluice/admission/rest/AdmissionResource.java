package dev.sluice.admission.rest;

import dev.sluice.admission.BreakerView;
import dev.sluice.admission.service.AdmissionGate;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reads the admission gate's live state and the providers' circuit breakers, for anyone. Operators
 * steer a breaker through {@link AdminProvidersResource}, which logs who did it.
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

  private String known(String provider) {
    return registry
        .directory()
        .provider(provider)
        .map(p -> p.name())
        .orElseThrow(() -> ProblemException.notFound("provider", provider));
  }
}
