package dev.sluice.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Turns the JAX-RS runtime's own errors (unknown path 404, wrong method 405, unsupported media type
 * 415, not acceptable 406, unreadable body 400) into problem documents with a useful detail.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Optional<ProblemException> meant = ProblemCause.in(e);
    if (meant.isPresent()) {
      return meant.get().problem().withInstance(Paths.of(uri)).toResponse();
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return UnexpectedExceptionMapper.incident(e, uri);
    }
    Response.StatusType type = original.getStatusInfo();
    Problem problem = Problem.of(status, type.getReasonPhrase(), detail(status, e));
    Response.ResponseBuilder builder =
        Response.fromResponse(problem.withInstance(Paths.of(uri)).toResponse());
    // Keep Allow (405) and other headers the runtime set.
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    return builder.type(Problem.MEDIA).build();
  }

  private static String detail(int status, WebApplicationException e) {
    return switch (status) {
      case 400 -> "the request body could not be read: it is not valid JSON of the expected shape";
      case 404 -> "no resource at this path";
      case 405 -> "this method is not allowed here";
      case 406 -> "no acceptable representation; this API answers application/json";
      case 415 -> "unsupported content type for this call; /openapi lists the ones it accepts";
      default -> e.getMessage() == null ? "request failed" : e.getMessage();
    };
  }
}
