package dev.sluice.platform.security;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ServletProblems;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /signin}: the sign-in page's form ({@code username}, {@code password}, {@code next}).
 * Success opens a session and goes on to {@code next}; failure returns to the page, saying so. A
 * form posted from another site is refused (login cross-site request forgery); a body that is not a
 * well-formed form is a 400 problem.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient SecurityContext security;
  @Inject transient CrossSiteRequests crossSite;

  /** Far more than a name, a password and a page address take. */
  private static final int MAX_FORM_BYTES = 16 * 1024;

  /** The form's fields, as posted. */
  private record SignInForm(String name, String password, String next) {}

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!crossSite.sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Optional<SignInForm> form = read(request);
    if (form.isEmpty()) {
      ServletProblems.send(
          response,
          Problem.of(
                  400,
                  "Bad Request",
                  "the request body is not a well-formed form"
                      + " (application/x-www-form-urlencoded: username, password, next)")
              .withInstance(request.getRequestURI()));
      return;
    }
    String next = SafeRedirect.target(form.get().next());
    AuthenticationStatus status = signIn(request, response, form.get());
    if (response.isCommitted()) {
      return;
    }
    // 303: the browser follows with a GET, so reloading the next page never re-posts the form.
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        request.getContextPath()
            + (status == AuthenticationStatus.SUCCESS
                ? next
                : SignInMechanism.SIGN_IN_PAGE
                    + "?failed&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }

  /**
   * The form, or empty when its body cannot be decoded (a stray {@code %}, say) or is longer than
   * any sign-in form. Another content type is a form without fields: a failed sign-in.
   */
  private static Optional<SignInForm> read(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return Optional.of(new SignInForm(null, null, null));
    }
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      return Optional.empty();
    }
    return FormFields.parse(new String(body, StandardCharsets.UTF_8))
        .map(f -> new SignInForm(f.get("username"), f.get("password"), f.get("next")));
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpServletResponse response, SignInForm form) {
    if (form.name() == null || form.name().isBlank() || form.password() == null) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    return security.authenticate(
        request,
        response,
        AuthenticationParameters.withParams()
            .credential(new UsernamePasswordCredential(form.name().trim(), form.password()))
            .newAuthentication(true));
  }
}
