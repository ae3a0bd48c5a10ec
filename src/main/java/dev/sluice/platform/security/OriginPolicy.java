package dev.sluice.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a handshake's {@code Origin} may open the socket: the server's own origin (the request's
 * {@code Host}) or one of the allowed ones. A browser always sends {@code Origin}, so this is what
 * stops another site from riding a signed-in user's credentials (cross-site WebSocket hijacking);
 * clients that are not browsers send none and are let through to authentication.
 */
public final class OriginPolicy {

  private final List<String> allowed;

  public OriginPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
  }

  public boolean permits(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String normalized = normalize(origin);
    if (allowed.contains(normalized)) {
      return true;
    }
    return host != null && authority(normalized).equals(host.trim().toLowerCase(Locale.ROOT));
  }

  private static String normalize(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** {@code host[:port]} of an origin, without the scheme's default port; "" if malformed. */
  private static String authority(String origin) {
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return "";
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (port == 80 && "http".equals(uri.getScheme()))
              || (port == 443 && "https".equals(uri.getScheme()));
      return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }
}
