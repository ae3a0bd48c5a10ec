package dev.sluice.platform.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a server-side failure is logged once with an incident id, and the caller gets a
 * 500 problem carrying only that id, never a stack trace or an internal message. Two failures are
 * the caller's after all: a body its reader found malformed (400), and a problem a library wrapped
 * on its way out (its own status).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    if (UnreadableBody.isMalformedBody(e)) {
      return UnreadableBody.malformed(uri);
    }
    return ProblemCause.in(e)
        .map(meant -> meant.problem().withInstance(Paths.of(uri)).toResponse())
        .orElseGet(() -> incident(e, uri));
  }

  static Response incident(Throwable e, UriInfo uri) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "incident " + incident + " on " + Paths.of(uri), e);
    return Problem.of(500, "Internal Server Error", "the server failed; quote the incident id")
        .withInstance(Paths.of(uri))
        .withIncident(incident)
        .toResponse();
  }
}
