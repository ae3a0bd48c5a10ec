package dev.sluice.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in through the sign-in page, kept in the HTTP session so the browser's later requests
 * (page, REST calls, WebSocket handshakes) are signed in by its session cookie. Clients that send
 * HTTP Basic never get a session.
 */
record SessionCaller(String name, Set<String> groups) implements Serializable {

  private static final String ATTRIBUTE = "sluice.signedIn";

  /** The caller of this request's session, if it signed in through the page. */
  static Optional<SessionCaller> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof SessionCaller caller
        ? Optional.of(caller)
        : Optional.empty();
  }

  /** Starts a fresh session for the caller: a session id known before sign-in is never reused. */
  void remember(HttpServletRequest request) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true).setAttribute(ATTRIBUTE, new SessionCaller(name, Set.copyOf(groups)));
  }
}
