package dev.sluice.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The one answer to a method Sluice serves nowhere ({@code BREW}, {@code TRACE}, WebDAV's): a 405
 * problem with the methods it does serve. Given by the method filter, and by the error page when
 * the container refused the request before any filter ran (Liberty's security answers a {@code
 * TRACE} to a static file itself).
 */
public final class MethodRefusal {

  public static final Set<String> KNOWN =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  public static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  private MethodRefusal() {}

  public static boolean isKnown(String method) {
    return KNOWN.contains(method);
  }

  /** Sends the 405; {@code instance} is the path the caller asked for. */
  public static void send(HttpServletRequest request, HttpServletResponse response, String instance)
      throws IOException {
    response.setHeader("Allow", ALLOW);
    ServletProblems.send(
        response,
        Problem.of(405, "Method Not Allowed", "Sluice answers no " + safe(request) + " requests")
            .withInstance(instance));
  }

  /** The method's name if it is a plain token, so a caller's bytes are not echoed at length. */
  private static String safe(HttpServletRequest request) {
    String method = request.getMethod();
    return method.length() <= 20 && method.chars().allMatch(Character::isLetter) ? method : "such";
  }
}
