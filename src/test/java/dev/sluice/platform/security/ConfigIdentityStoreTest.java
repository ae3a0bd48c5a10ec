package dev.sluice.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.platform.config.ConfigView;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigIdentityStoreTest {

  private final ConfigIdentityStore store = storeWith("ada", "s3cret-pass", "user");

  @Test
  void aGenericCredentialReachesThePasswordCheck() {
    Credential credential = new UsernamePasswordCredential("ada", "s3cret-pass");
    CredentialValidationResult result = store.validate(credential);
    assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
    assertEquals("ada", result.getCallerPrincipal().getName());
    assertEquals(Set.of("user"), result.getCallerGroups());
  }

  @Test
  void aWrongPasswordIsInvalid() {
    Credential credential = new UsernamePasswordCredential("ada", "not-her-pass");
    assertEquals(CredentialValidationResult.Status.INVALID, store.validate(credential).getStatus());
  }

  @Test
  void anotherKindOfCredentialIsNotThisStoresToJudge() {
    assertEquals(
        CredentialValidationResult.Status.NOT_VALIDATED,
        store.validate(new CallerOnlyCredential("ada")).getStatus());
  }

  private static ConfigIdentityStore storeWith(String name, String password, String role) {
    ConfigIdentityStore store = new ConfigIdentityStore();
    store.users =
        ConfiguredUsers.read(
            ConfigView.of(
                Map.of(
                    "sluice.users",
                    name,
                    "sluice.users." + name + ".password",
                    password,
                    "sluice.users." + name + ".roles",
                    role)),
            new RandomPasswords(),
            line -> {});
    return store;
  }
}
