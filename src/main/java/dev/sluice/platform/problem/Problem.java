package dev.sluice.platform.problem;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists the offending fields of a request, each with
 * what is wrong with it; {@code incident} is set for server errors so a log line can be found.
 */
@JsonbNillable(false)
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "incident"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String incident) {

  public static final String MEDIA_TYPE = "application/problem+json";
  // The constructor, unlike valueOf, needs no JAX-RS runtime, so rules that throw problems can be
  // unit-tested outside the server.
  public static final MediaType MEDIA = new MediaType("application", "problem+json");

  /** One invalid field: a JSON pointer-like name (for example {@code content}) and the reason. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, null, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, fieldErrors, incident);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, incident);
  }

  public Problem withIncident(String id) {
    return new Problem(type, title, status, detail, instance, errors, id);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}
