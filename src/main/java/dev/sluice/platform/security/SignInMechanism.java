package dev.sluice.platform.security;

import dev.sluice.platform.problem.PendingProblem;
import dev.sluice.platform.problem.Problem;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Sluice's sign-in, through Jakarta Security and whatever identity store the server has: HTTP Basic
 * for API clients, and for browsers the sign-in page ({@link SignInServlet}) followed by the
 * session cookie. Which paths need which role is in {@code web.xml}. Jakarta EE 10 allows one
 * mechanism per application, hence both ways in one class.
 */
@DeclareRoles({Roles.USER, Roles.ADMIN})
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

  static final String REALM = "Sluice";
  static final String SIGN_IN_PAGE = "/signin.html";
  static final String BASIC_CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

  /**
   * The answer to a Basic header that is not Base64 of {@code name:password}, rendered by the error
   * page that renders the 401 (see {@link PendingProblem}); the header's value is never echoed.
   */
  static final PendingProblem MALFORMED =
      new PendingProblem(
          Problem.of(
              401,
              "Unauthorized",
              "the Authorization header is not valid Basic credentials: \"Basic \" and the"
                  + " Base64 of name:password"),
          Map.of("WWW-Authenticate", BASIC_CHALLENGE));

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()) {
      return signIn(request, context);
    }
    String authorization = request.getHeader("Authorization");
    if (BasicCredentials.present(authorization)) {
      Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(authorization);
      if (credential.isEmpty()) {
        return malformed(request, response, context);
      }
      CredentialValidationResult result = validate(credential);
      return result.getStatus() == CredentialValidationResult.Status.VALID
          ? context.notifyContainerAboutLogin(result)
          : challenge(request, response, context);
    }
    Optional<SessionCaller> caller = SessionCaller.of(request);
    if (caller.isPresent()) {
      return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
    }
    return context.isProtected() ? challenge(request, response, context) : context.doNothing();
  }

  /** The sign-in page's form, handed over by {@link SignInServlet}; a success opens a session. */
  private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    CredentialValidationResult result =
        validate(
            credential instanceof UsernamePasswordCredential password
                ? Optional.of(password)
                : Optional.empty());
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    new SessionCaller(result.getCallerPrincipal().getName(), result.getCallerGroups())
        .remember(request);
    return context.notifyContainerAboutLogin(result);
  }

  /** A 401 with the Basic challenge, whoever asks: only a broken client sends such a header. */
  private static AuthenticationStatus malformed(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    LibertyBasicAudit.skip(request);
    MALFORMED.rememberOn(request);
    MALFORMED.headers().forEach(response::setHeader);
    return context.responseUnauthorized();
  }

  private CredentialValidationResult validate(Optional<UsernamePasswordCredential> credential) {
    return credential
        .map(identityStores::validate)
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  private AuthenticationStatus challenge(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Challenge challenge =
        Challenge.of(
            request.getMethod(),
            request.getHeader("Accept"),
            request.getHeader(Challenge.CLIENT_HEADER),
            request.getHeader("Upgrade"),
            request.getHeader(Challenge.FETCH_MODE_HEADER));
    switch (challenge) {
      case SIGN_IN_PAGE -> {
        return context.redirect(
            request.getContextPath() + SIGN_IN_PAGE + "?next=" + encode(returnPath(request)));
      }
      // Not Basic: a browser would answer a Basic challenge to its own script with a dialog.
      case SESSION_ENDED ->
          response.setHeader("WWW-Authenticate", "Session realm=\"" + REALM + "\"");
      case BASIC -> response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
    }
    return context.responseUnauthorized();
  }

  private static String returnPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
