package dev.sluice.llm.rest;

import dev.sluice.llm.config.ProviderDirectory;
import dev.sluice.llm.config.ProviderRegistry;
import dev.sluice.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model catalog: what can be asked for, what it costs, and whether it is available now. */
@Path("/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "The model catalog")
public class ModelsResource {

  @Inject ProviderRegistry registry;

  @GET
  @Operation(summary = "List every model in the catalog")
  @APIResponse(
      responseCode = "200",
      description = "The catalog, shipped defaults merged with configuration")
  public List<ModelView> list() {
    ProviderDirectory directory = registry.directory();
    return directory.catalog().all().stream()
        .map(m -> ModelView.of(m, directory.available(m), m.id().equals(directory.defaultModel())))
        .toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One model of the catalog")
  @APIResponse(responseCode = "200", description = "The model")
  @APIResponse(responseCode = "404", description = "No model with this id")
  public ModelView get(@PathParam("id") String id) {
    ProviderDirectory directory = registry.directory();
    return directory
        .catalog()
        .find(id)
        .map(m -> ModelView.of(m, directory.available(m), m.id().equals(directory.defaultModel())))
        .orElseThrow(() -> ProblemException.notFound("model", id));
  }
}
