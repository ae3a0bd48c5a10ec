package dev.sluice.platform.security;

import dev.sluice.platform.config.ConfigView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The embedded default identity store: checks user names and passwords against {@link
 * ConfiguredUsers}. A production realm, LDAP or JWT replaces it by configuration of the server.
 */
@ApplicationScoped
public class ConfigIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(ConfigIdentityStore.class.getName());

  @Inject Config config;

  ConfiguredUsers users;

  @PostConstruct
  void readUsers() {
    users = ConfiguredUsers.read(ConfigView.of(config), new RandomPasswords(), LOG::info);
    LOG.info(() -> "Sign-in users: " + users.names());
  }

  /** Reads the users at start-up, so generated passwords are in their file before any sign-in. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    users.names();
  }

  /**
   * Every sign-in comes through here. {@link IdentityStore}'s default resolves the overload for the
   * credential's class with a method handle on every call, which showed in profiles of the question
   * path; this dispatches directly. Other credentials are not this store's to judge.
   */
  @Override
  public CredentialValidationResult validate(Credential credential) {
    return credential instanceof UsernamePasswordCredential password
        ? validate(password)
        : CredentialValidationResult.NOT_VALIDATED_RESULT;
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return users
        .check(credential.getCaller(), credential.getPasswordAsString())
        .map(roles -> new CredentialValidationResult(credential.getCaller(), roles))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
