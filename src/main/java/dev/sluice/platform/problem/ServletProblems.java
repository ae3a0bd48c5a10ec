package dev.sluice.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a {@link Problem} from a servlet or filter, where no JAX-RS mapper runs: the sign-in form,
 * the cross-site guard, the container's own error pages.
 */
public final class ServletProblems {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ServletProblems() {}

  /** Replaces whatever the response held with this problem, keeping headers already set. */
  public static void send(HttpServletResponse response, Problem problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.toJson(problem));
  }
}
