package dev.sluice.documents.batch.webhook;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A webhook URL checked for form: absolute http or https, with a host, no credentials, a valid
 * port, and no IP address in an ambiguous numeric form. Where it may go is {@link WebhookPolicy}'s
 * question.
 */
public record WebhookUrl(URI uri, String host, int port, boolean secure) {

  static final String NOT_ABSOLUTE = "an absolute http or https URL";

  /** The URL, or an {@link IllegalArgumentException} saying what is wrong with it. */
  static WebhookUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(NOT_ABSOLUTE);
    }
    return of(uri);
  }

  static WebhookUrl of(URI uri) {
    boolean secure = "https".equals(uri.getScheme());
    if (!(secure || "http".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException(NOT_ABSOLUTE);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "no user name or password (user:password@) in a webhook URL");
    }
    int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("a port from 1 to 65535");
    }
    String host = uri.getHost();
    if (HostLiteral.numeric(host) && HostLiteral.strictAddress(host).isEmpty()) {
      throw new IllegalArgumentException("an IPv4 address written as four decimal numbers a.b.c.d");
    }
    return new WebhookUrl(uri, host, port, secure);
  }
}
