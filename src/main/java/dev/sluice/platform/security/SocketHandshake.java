package dev.sluice.platform.security;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * The configurator of Sluice's WebSocket endpoints. Records, for the session being opened, what
 * only the handshake knows: whether its {@code Origin} is acceptable and whether the caller is an
 * admin. The endpoint acts on both in its {@code onOpen}, before it sends anything. WebSocket 2.1
 * makes these properties a per-connection copy that becomes the session's own.
 */
public class SocketHandshake extends ServerEndpointConfig.Configurator {

  static final String ORIGIN_OK = "sluice.socket.originOk";
  static final String ADMIN_OF = "sluice.socket.adminOf";

  /** Whether the session's handshake came from an acceptable origin. */
  public static boolean originAllowed(Session session) {
    return Boolean.TRUE.equals(session.getUserProperties().get(ORIGIN_OK));
  }

  /** Whether the session's caller may read what {@code owner} owns: its owner, or an admin. */
  public static boolean mayRead(Session session, String owner) {
    Principal principal = session.getUserPrincipal();
    if (principal == null) {
      return false;
    }
    String user = principal.getName();
    return user.equals(owner) || user.equals(session.getUserProperties().get(ADMIN_OF));
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, Object> properties = config.getUserProperties();
    CrossSiteRequests crossSite = CDI.current().select(CrossSiteRequests.class).get();
    properties.put(ORIGIN_OK, crossSite.permits(first(request, "Origin"), first(request, "Host")));
    Principal principal = request.getUserPrincipal();
    // Names the admin rather than a bare flag, so onOpen can check it is about its own caller.
    properties.put(
        ADMIN_OF,
        principal != null && request.isUserInRole(Roles.ADMIN) ? principal.getName() : "");
  }

  private static String first(HandshakeRequest request, String header) {
    for (Map.Entry<String, List<String>> entry : request.getHeaders().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(header) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }
}
