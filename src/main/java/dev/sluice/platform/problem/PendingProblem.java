package dev.sluice.platform.problem;

import jakarta.servlet.ServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The answer a request should get if the container fails it after the application has judged it.
 * Liberty's own security code reads a malformed {@code Authorization: Basic} header again after the
 * sign-in mechanism refused it, and throws; the error page then answers with what the mechanism
 * meant (a 401 and its challenge) instead of a server error.
 *
 * @param problem the problem to answer with
 * @param headers response headers that belong to it, such as {@code WWW-Authenticate}
 */
public record PendingProblem(Problem problem, Map<String, String> headers) {

  private static final String ATTRIBUTE = PendingProblem.class.getName();

  public PendingProblem {
    headers = Map.copyOf(headers);
  }

  /** Remembers this answer on the request, for {@link ContainerErrorServlet}. */
  public void rememberOn(ServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  static Optional<PendingProblem> of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof PendingProblem pending
        ? Optional.of(pending)
        : Optional.empty();
  }
}
