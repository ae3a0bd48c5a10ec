package dev.sluice.documents.rest;

import dev.sluice.platform.problem.Problem;
import dev.sluice.platform.problem.ProblemException;
import jakarta.ws.rs.core.SecurityContext;

/** The 401 for an anonymous request that reached a documents resource. */
final class RestSignIn {

  private RestSignIn() {}

  static void require(SecurityContext security) {
    if (security.getUserPrincipal() == null) {
      throw new ProblemException(Problem.of(401, "Unauthorized", "sign in to use documents"));
    }
  }
}
