package dev.sluice.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** {@code POST /signout}: ends the browser's session and returns to the sign-in page. */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient CrossSiteRequests crossSite;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!crossSite.sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + SignInMechanism.SIGN_IN_PAGE);
  }
}
