package dev.sluice.platform.rest;

import dev.sluice.platform.problem.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every error response as what it is on the wire, an RFC 9457 {@code
 * application/problem+json} document, so resources declare only the status and why it happens. The
 * {@code Problem} schema itself is declared by annotation on {@link RestApplication}: the models'
 * typed setters differ between MicroProfile OpenAPI 3.1 (Liberty) and 4 (WildFly).
 */
public class ProblemResponsesFilter implements OASFilter {

  static final String SCHEMA = "Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem path : openApi.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        describeErrors(operation);
      }
    }
  }

  private static void describeErrors(Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return;
    }
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
      if (error && entry.getValue().getContent() == null) {
        entry
            .getValue()
            .setContent(
                OASFactory.createContent()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(
                                OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA))));
      }
    }
  }
}
