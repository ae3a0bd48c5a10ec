package dev.sluice.platform.security;

import dev.sluice.llm.config.ConfigView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The built-in users, read once from configuration ({@code sluice.users}, and per user {@code
 * .roles} and {@code .password}). A user without a password gets a generated one, announced once
 * through the notice sink; passwords are kept only as digests and compared in constant time.
 */
public final class ConfiguredUsers {

  private static final Set<String> KNOWN_ROLES = Set.of(Roles.USER, Roles.ADMIN);

  /**
   * Compared against when the user is unknown, so a wrong name costs what a wrong password does.
   */
  private static final byte[] NOBODY = digest("no such user");

  private final Map<String, Account> accounts;

  private ConfiguredUsers(Map<String, Account> accounts) {
    this.accounts = accounts;
  }

  /**
   * Reads the users; {@code passwords} makes the password of a user who has none configured, and
   * {@code notices} receives the one line per generated password that tells how to set a fixed one.
   */
  public static ConfiguredUsers read(
      ConfigView config, Supplier<String> passwords, Consumer<String> notices) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    for (String name : config.getList("sluice.users")) {
      String key = "sluice.users." + name;
      Set<String> roles = roles(key + ".roles", config.getList(key + ".roles"));
      String password = config.get(key + ".password").orElse(null);
      if (password == null) {
        password = passwords.get();
        notices.accept(
            "Generated password for Sluice user '"
                + name
                + "': "
                + password
                + " (new at every start; set "
                + environmentName(key + ".password")
                + " to fix it)");
      }
      accounts.put(name, new Account(digest(password), roles));
    }
    return new ConfiguredUsers(Map.copyOf(accounts));
  }

  /** The user's roles when the password is right; empty for a wrong password or unknown user. */
  public Optional<Set<String>> check(String name, String password) {
    Account account = name == null ? null : accounts.get(name);
    byte[] expected = account == null ? NOBODY : account.digest();
    boolean matches = MessageDigest.isEqual(expected, digest(password));
    return account != null && matches ? Optional.of(account.roles()) : Optional.empty();
  }

  public Set<String> names() {
    return accounts.keySet();
  }

  @Override
  public String toString() {
    return "ConfiguredUsers" + accounts.keySet();
  }

  private static Set<String> roles(String key, List<String> configured) {
    Set<String> roles =
        new LinkedHashSet<>(configured.isEmpty() ? List.of(Roles.USER) : configured);
    for (String role : roles) {
      if (!KNOWN_ROLES.contains(role)) {
        throw new IllegalArgumentException(key + ": unknown role " + role + "; use user or admin");
      }
    }
    // An admin is also a user: admins may do whatever users may.
    if (roles.contains(Roles.ADMIN)) {
      roles.add(Roles.USER);
    }
    return Set.copyOf(roles);
  }

  /** The environment variable MicroProfile Config maps to a key. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  // Digests have one length whatever the password's, so the comparison reveals no length.
  private static byte[] digest(String password) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((password == null ? "" : password).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** One user's password digest and roles; its string form names neither. */
  private record Account(byte[] digest, Set<String> roles) {
    @Override
    public String toString() {
      return "Account" + roles;
    }
  }
}
