package dev.sluice.platform.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON in a request, as RESTEasy's own JSON-B reader reports it (WildFly): a 400. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ProcessingException e) {
    return UnreadableBody.toResponse(e, uri);
  }
}
