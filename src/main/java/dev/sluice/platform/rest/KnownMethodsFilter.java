package dev.sluice.platform.rest;

import dev.sluice.platform.problem.MethodRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a method Sluice answers nowhere ({@code BREW}, {@code TRACE}, WebDAV's) with a 405
 * problem before any servlet sees it: the static pages would otherwise serve it like a GET, the
 * sign-in servlet answer it with the container's 501 page, and TRACE echo the request's headers.
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class KnownMethodsFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (MethodRefusal.isKnown(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    MethodRefusal.send(request, response, request.getRequestURI());
  }
}
