package dev.sluice.llm.rest;

import java.net.URI;

/**
 * Shows a URL without user info, query string or fragment, which may carry credentials: scheme,
 * host, port and path only. A URL whose host Java cannot parse (an underscore in it, say) shows as
 * its scheme alone rather than risk the rest.
 */
final class Urls {

  private Urls() {}

  static String withoutCredentials(URI url) {
    if (url == null) {
      return null;
    }
    if (url.getHost() == null) {
      return url.getScheme() + ":";
    }
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return url.getScheme() + "://" + url.getHost() + port + path;
  }
}
