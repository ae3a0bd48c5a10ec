package dev.sluice.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Malformed JSON in a request, as Liberty's JSON-B reader reports it: a 400 problem. Record bodies,
 * every request body of this API, are read by the strict reader in {@code platform.rest}, which
 * names the field itself; this covers any other type the runtime binds.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(JsonbException e) {
    return UnreadableBody.toResponse(e, uri);
  }
}
