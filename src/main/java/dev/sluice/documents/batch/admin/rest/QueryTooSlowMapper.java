package dev.sluice.documents.batch.admin.rest;

import dev.sluice.documents.batch.admin.QueryTooSlowException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A console query past its timeout: the 503 problem, with when to ask again. */
@Provider
public class QueryTooSlowMapper implements ExceptionMapper<QueryTooSlowException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(QueryTooSlowException e) {
    return Response.fromResponse(
            e.problem().withInstance(uri.getRequestUri().getRawPath()).toResponse())
        .header("Retry-After", QueryTooSlowException.RETRY_AFTER_SECONDS)
        .build();
  }
}
