package dev.sluice.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Declares HTTP Basic sign-in through Jakarta Security for the whole application; which paths need
 * it, and which role, is in {@code web.xml}.
 */
@BasicAuthenticationMechanismDefinition(realmName = "Sluice")
@DeclareRoles({Roles.USER, Roles.ADMIN})
@ApplicationScoped
public class BasicSignIn {}
