package dev.sluice.platform.rest;

import dev.sluice.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query parameter holding U+0000 ({@code %00}) with a 400 naming it, before any resource
 * reads it: PostgreSQL stores and compares no NUL in text, so it would otherwise end in a 500 (the
 * bad-input corpus found it on every filter and search parameter). JSON bodies get the same rule in
 * {@link StrictJson}; Liberty itself refuses {@code %00} in a path.
 */
@Provider
public class NulFreeQueryFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      if (holdsNul(parameter.getKey())
          || parameter.getValue().stream().anyMatch(NulFreeQueryFilter::holdsNul)) {
        throw ProblemException.invalidField(400, parameter.getKey(), StrictJson.NO_NUL);
      }
    }
  }

  private static boolean holdsNul(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }
}
