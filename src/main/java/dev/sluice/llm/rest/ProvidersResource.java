package dev.sluice.llm.rest;

import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The configured providers and whether each can be called. Keys are never part of the answer; base
 * URLs only for admins, since one may name an internal host.
 */
@Path("/providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Configured LLM providers")
public class ProvidersResource {

  @Inject ProviderRegistry registry;
  @Inject Caller caller;

  @GET
  @Operation(summary = "List the configured providers")
  @APIResponse(
      responseCode = "200",
      description = "Each provider's type and key state; its base URL for admins only")
  public List<ProviderView> list() {
    ProviderDirectory directory = registry.directory();
    boolean admin = caller.isAdmin();
    return directory.providers().stream()
        .map(p -> ProviderView.of(p, directory.catalog().servedBy(p.name()).size(), admin))
        .toList();
  }
}
