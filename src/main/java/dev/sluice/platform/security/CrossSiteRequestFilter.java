package dev.sluice.platform.security;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ServletProblems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses cross-site state changes on the API with a 403 problem document (see {@link
 * CrossSiteRequests}).
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CrossSiteRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient CrossSiteRequests crossSite;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!crossSite.refuses(request)) {
      chain.doFilter(request, response);
      return;
    }
    Problem problem =
        Problem.of(
                HttpServletResponse.SC_FORBIDDEN,
                "Cross-site request refused",
                "a change signed in by the session cookie must come from Sluice's own pages, with"
                    + " the "
                    + Challenge.CLIENT_HEADER
                    + " header")
            .withInstance(request.getRequestURI());
    ServletProblems.send(response, problem);
  }
}
