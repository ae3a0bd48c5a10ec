package dev.sluice.platform.rest;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses a method Sluice answers nowhere ({@code BREW}, {@code TRACE}, WebDAV's) with a 405
 * problem before any servlet sees it: the static pages would otherwise serve it like a GET, the
 * sign-in servlet answer it with the container's 501 page, and TRACE echo the request's headers.
 */
@WebFilter("/*")
public class KnownMethodsFilter extends HttpFilter {

  static final Set<String> KNOWN =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (KNOWN.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Allow", ALLOW);
    ServletProblems.send(
        response,
        Problem.of(405, "Method Not Allowed", "Sluice answers no " + safe(request) + " requests")
            .withInstance(request.getRequestURI()));
  }

  /** The method's name if it is a plain token, so a caller's bytes are not echoed at length. */
  private static String safe(HttpServletRequest request) {
    String method = request.getMethod();
    return method.length() <= 20 && method.chars().allMatch(Character::isLetter) ? method : "such";
  }
}
