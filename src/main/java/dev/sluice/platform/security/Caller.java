package dev.sluice.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The signed-in caller of the current request, from the container's security context, so a
 * production realm or JWT can replace the built-in users by configuration alone.
 */
@RequestScoped
public class Caller {

  @Inject SecurityContext security;

  /** The caller's user name; {@link IllegalStateException} when nobody signed in. */
  public String name() {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      throw new IllegalStateException("no signed-in caller");
    }
    return principal.getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Roles.ADMIN);
  }

  /** Whether the caller may see something owned by {@code owner}: its owner, or an admin. */
  public boolean mayRead(String owner) {
    return isAdmin() || name().equals(owner);
  }
}
