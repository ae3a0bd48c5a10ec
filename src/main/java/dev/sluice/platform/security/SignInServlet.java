package dev.sluice.platform.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /signin}: the sign-in page's form ({@code username}, {@code password}, {@code next}).
 * Success opens a session and goes on to {@code next}; failure returns to the page, saying so. A
 * form posted from another site is refused (login cross-site request forgery).
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SecurityContext security;
  @Inject transient CrossSiteRequests crossSite;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!crossSite.sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String next = SafeRedirect.target(request.getParameter("next"));
    String name = request.getParameter("username");
    String password = request.getParameter("password");
    AuthenticationStatus status = AuthenticationStatus.SEND_FAILURE;
    if (name != null && !name.isBlank() && password != null) {
      status =
          security.authenticate(
              request,
              response,
              AuthenticationParameters.withParams()
                  .credential(new UsernamePasswordCredential(name.trim(), password))
                  .newAuthentication(true));
    }
    if (response.isCommitted()) {
      return;
    }
    // 303: the browser follows with a GET, so reloading the next page never re-posts the form.
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + (status == AuthenticationStatus.SUCCESS
                ? next
                : SignInMechanism.SIGN_IN_PAGE
                    + "?failed&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }
}
