package dev.sluice.platform.rest;

import dev.sluice.platform.problem.EncodedPaths;
import dev.sluice.platform.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 400 to a path with an encoded {@code /}, {@code .} or {@code #} or a backslash ({@link
 * EncodedPaths}) on every server: WildFly would hand {@code /api/chats/..%2F..%2Fetc} to the chat
 * resource as the id {@code ../../etc}. Liberty refuses such a path before any filter runs.
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EncodedPathFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (EncodedPaths.refused(request.getRequestURI())) {
      ServletProblems.send(response, EncodedPaths.problem().withInstance(request.getRequestURI()));
      return;
    }
    chain.doFilter(request, response);
  }
}
