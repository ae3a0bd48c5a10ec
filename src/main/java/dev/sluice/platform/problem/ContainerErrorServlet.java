package dev.sluice.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for the errors the container answers before JAX-RS sees the request (sign-in
 * missing or wrong, role missing): a problem document instead of the server's HTML page.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/errors/problem";

  private static final long serialVersionUID = 1L;

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : 404;
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Problem problem =
        Problem.of(status, title(status), detail(status))
            .withInstance(path == null ? request.getRequestURI() : path.toString());
    // The container keeps headers set before the error (WWW-Authenticate on a 401).
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.toJson(problem));
  }

  private static String title(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      default -> "Not Found";
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 401 -> "sign in first: HTTP Basic, or the sign-in page at /signin.html";
      case 403 -> "signed in, but without the role this resource needs";
      default -> "no resource at this path";
    };
  }
}
