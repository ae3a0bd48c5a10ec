package dev.sluice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The operators' area needs the admin role: the console's API and pages, and any write to the
 * admission gate's resources. {@code web.xml} asks only for a signed-in caller there (role {@code
 * **}); this filter asks for the role, and answers a caller without it as a role constraint would,
 * with a 403 through the container's error page (a problem document).
 *
 * <p>Why not {@code web.xml} alone: when a role constraint refuses a caller, WildFly's Elytron
 * checks once more with a Jakarta Authorization {@code WebResourcePermission} built from the path,
 * whose constructor throws on a colon, so a user asking for {@code /api/admin/...ID:x} got a 500.
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(
    urlPatterns = {"/api/admin/*", "/admin/*", "/api/admission/*"},
    asyncSupported = true)
public class AdminAreaFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (needsAdmin(request) && !request.isUserInRole(Roles.ADMIN)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Everything mapped here but the admission gate's reads, which are public. */
  static boolean needsAdmin(HttpServletRequest request) {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(read && (path.equals("/api/admission") || path.startsWith("/api/admission/")));
  }
}
