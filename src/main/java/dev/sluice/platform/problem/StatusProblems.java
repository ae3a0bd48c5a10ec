package dev.sluice.platform.problem;

import jakarta.ws.rs.core.Response;

/** The problem for a bare HTTP status the container chose: its reason phrase and what it means. */
final class StatusProblems {

  private StatusProblems() {}

  /** The problem for this status on this (raw) request path. */
  static Problem of(int status, String path) {
    if (status == 400 && EncodedPaths.refused(path)) { // Liberty's own refusal of such a path
      return EncodedPaths.problem();
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title =
        known == null ? (status >= 500 ? "Server Error" : "Error") : known.getReasonPhrase();
    return Problem.of(status, title, detail(status));
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the request is malformed";
      case 401 -> "sign in first: HTTP Basic, or the sign-in page at /signin.html";
      case 403 -> "signed in, but without the role this resource needs";
      case 404 -> "no resource at this path";
      case 405 -> "this method is not allowed here";
      case 406 -> "no acceptable representation; this API answers application/json";
      case 413 -> "the request is too large";
      case 414 -> "the request URI is too long";
      case 415 -> "unsupported content type for this call; /openapi lists the ones it accepts";
      case 431 -> "the request's header fields are too large";
      default ->
          status >= 500
              ? "the server failed; quote the incident id"
              : "the request cannot be served as sent";
    };
  }
}
