package dev.sluice.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the application's own {@link ProblemException}s. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProblemException e) {
    Response response = e.problem().withInstance(Paths.of(uri)).toResponse();
    if (e.retryAfterSeconds() != null) {
      response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
    }
    return response;
  }
}
