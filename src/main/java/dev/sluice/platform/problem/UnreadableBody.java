package dev.sluice.platform.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Optional;

/**
 * A request body that is not valid JSON, or not of the expected shape, is the caller's error (400);
 * a problem raised while it was read (a size limit) keeps its own status. JAX-RS runtimes report it
 * from their JSON-B reader without a status (Liberty's as a bare {@link JsonbException}, RESTEasy's
 * own as a {@code ProcessingException}), so it is recognised here by what it is and where it was
 * thrown: a JSON error raised while reading an entity.
 */
final class UnreadableBody {

  private UnreadableBody() {}

  static boolean isUnreadableJson(Throwable e) {
    boolean json = false;
    for (Throwable t = e; t != null && !json; t = t.getCause() == t ? null : t.getCause()) {
      json = t instanceof JsonbException || t instanceof JsonException;
    }
    return json && thrownWhileReading(e);
  }

  /**
   * Whether a body reader failed on the body itself: a multipart reader, for one, reports a form
   * without its boundary as a bare {@link IOException}.
   */
  static boolean isMalformedBody(Throwable e) {
    return e instanceof IOException && thrownWhileReading(e);
  }

  /** The 400 for a body its reader could not make sense of. */
  static Response malformed(UriInfo uri) {
    return Problem.of(
            400,
            "Bad Request",
            "the request body could not be read: it is not well-formed for its content type")
        .withInstance(Paths.of(uri))
        .toResponse();
  }

  /** The 400 for an unreadable body; any other failure is a server incident. */
  static Response toResponse(Throwable e, UriInfo uri) {
    Optional<ProblemException> meant = ProblemCause.in(e);
    if (meant.isPresent()) {
      return meant.get().problem().withInstance(Paths.of(uri)).toResponse();
    }
    if (!isUnreadableJson(e)) {
      return UnexpectedExceptionMapper.incident(e, uri);
    }
    return Problem.of(
            400,
            "Bad Request",
            "the request body could not be read: it is not valid JSON of the expected shape")
        .withInstance(Paths.of(uri))
        .toResponse();
  }

  private static boolean thrownWhileReading(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getMethodName().equals("readFrom")) {
        return true;
      }
    }
    return false;
  }
}
