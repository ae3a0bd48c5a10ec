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
import java.util.Collections;
import java.util.List;

/**
 * Answers 400 to an HTTP/1.1 request whose {@code Host} header is missing, repeated or not a host
 * (RFC 9112 section 3.2 requires it); Liberty would serve it, and links built from the request's
 * server name would carry whatever the caller sent.
 */
// Async: a resource may answer from another thread (a question is answered after its commit).
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HostHeaderFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    List<String> hosts = Collections.list(request.getHeaders("Host"));
    // HTTP/1.0 may omit it; HTTP/2 carries the authority in its own pseudo-header instead.
    boolean required = "HTTP/1.1".equals(request.getProtocol());
    if ((hosts.isEmpty() && !required) || (hosts.size() == 1 && HostHeader.valid(hosts.get(0)))) {
      chain.doFilter(request, response);
      return;
    }
    ServletProblems.send(
        response,
        Problem.of(
                400,
                "Bad Request",
                "the Host header must be given once, as a host name or address and an optional port")
            .withInstance(request.getRequestURI()));
  }
}
