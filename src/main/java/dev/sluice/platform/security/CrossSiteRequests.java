package dev.sluice.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Guards what a browser does on the strength of its session cookie against other sites' pages:
 * sign-in and sign-out forms, state-changing API calls and WebSocket handshakes must come from
 * Sluice's own origin (or one in {@code sluice.allowed-origins}). Callers that send their
 * credentials themselves (HTTP Basic) are not riding a cookie and are not checked.
 */
@ApplicationScoped
public class CrossSiteRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject Config config;

  private OriginPolicy origins;

  @PostConstruct
  void readAllowedOrigins() {
    origins =
        new OriginPolicy(
            config.getOptionalValues("sluice.allowed-origins", String.class).orElse(List.of()));
  }

  /** Whether a request's {@code Origin} (absent for non-browser clients) is acceptable. */
  public boolean permits(String origin, String host) {
    return origins.permits(origin, host);
  }

  boolean sameOrigin(HttpServletRequest request) {
    return permits(request.getHeader("Origin"), host(request));
  }

  /** The {@code Host} header; HTTP/2 carries it as {@code :authority}, which is not a header. */
  private static String host(HttpServletRequest request) {
    String header = request.getHeader("Host");
    if (header != null) {
      return header;
    }
    int port = request.getServerPort();
    boolean defaultPort =
        (port == 80 && "http".equals(request.getScheme()))
            || (port == 443 && "https".equals(request.getScheme()));
    return defaultPort ? request.getServerName() : request.getServerName() + ":" + port;
  }

  /**
   * Whether to refuse a state-changing call signed in by the session cookie: it must come from an
   * acceptable origin and carry {@value Challenge#CLIENT_HEADER}, which a page on another site
   * cannot add without a CORS preflight that Sluice never grants.
   */
  boolean refuses(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())
        || BasicCredentials.present(request.getHeader("Authorization"))
        || SessionCaller.of(request).isEmpty()) {
      return false;
    }
    return !sameOrigin(request) || request.getHeader(Challenge.CLIENT_HEADER) == null;
  }
}
