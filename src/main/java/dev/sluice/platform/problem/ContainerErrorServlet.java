package dev.sluice.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's only error page ({@code web.xml}): every error the container answers itself,
 * before or around the application (sign-in missing or wrong, role missing, no such file, method
 * not supported, a servlet or the container failing), becomes a problem document instead of the
 * server's HTML page with its stack trace. A failure is logged once with an incident id, which is
 * all the caller learns of it.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/errors/problem";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String instance = path == null ? request.getRequestURI() : path.toString();
    if (!MethodRefusal.isKnown(request.getMethod())) {
      // An unknown method refused by the container before the method filter ran (a 401 on a
      // protected path): the same 405 as everywhere else, whatever else is wrong with the request.
      MethodRefusal.send(request, response, instance);
      return;
    }
    var pending = PendingProblem.of(request);
    if (pending.isPresent()) {
      // The container keeps headers set before the error, but not always after it failed.
      pending.get().headers().forEach(response::setHeader);
      ServletProblems.send(response, pending.get().problem().withInstance(instance));
      return;
    }
    int status = status(request);
    Problem problem =
        status >= 500 ? incident(status, request, instance) : StatusProblems.of(status, instance);
    // The container keeps headers set before the error (WWW-Authenticate on a 401, Allow on a 405).
    ServletProblems.send(response, problem.withInstance(instance));
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Opened directly, this servlet is simply not a resource.
    return code instanceof Integer number ? number : 404;
  }

  private static Problem incident(int status, HttpServletRequest request, String instance) {
    String incident = UUID.randomUUID().toString();
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    // The exception and the path only: headers and parameters may carry credentials.
    LOG.log(
        Level.SEVERE,
        "incident " + incident + ": the container answered " + status + " on " + instance,
        failure instanceof Throwable t ? t : null);
    return StatusProblems.of(status, instance).withIncident(incident);
  }
}
