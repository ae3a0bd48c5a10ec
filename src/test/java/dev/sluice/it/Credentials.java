package dev.sluice.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password for HTTP Basic in integration tests. The passwords are test fixtures the
 * build hands to the server and to the tests as {@code sluice.users.<name>.password}.
 */
public record Credentials(String user, String password) {

  /** The fixture user's credentials, from the system property the build sets. */
  public static Credentials of(String user) {
    String key = "sluice.users." + user + ".password";
    String password = System.getProperty(key);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("no " + key + ": run the integration tests with mvn verify");
    }
    return new Credentials(user, password);
  }

  public static Credentials admin() {
    return of("admin");
  }

  public static Credentials demo() {
    return of("demo");
  }

  public String header() {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[" + user + "]";
  }
}
