package dev.sluice.platform.problem;

import jakarta.ws.rs.core.UriInfo;

/** The request path for a problem's {@code instance}, without host or query string. */
final class Paths {

  private Paths() {}

  static String of(UriInfo uri) {
    try {
      return uri == null ? null : uri.getRequestUri().getRawPath();
    } catch (RuntimeException outsideARequest) {
      return null;
    }
  }
}
