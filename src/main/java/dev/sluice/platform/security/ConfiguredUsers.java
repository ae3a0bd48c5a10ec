package dev.sluice.platform.security;

import dev.sluice.platform.config.ConfigView;
import java.io.IOException;
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
 * .roles} and {@code .password}). A user without a password gets a generated one, written to a file
 * only the server's user can read; passwords are kept only as digests and compared in constant
 * time.
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
   * Reads the users; {@code passwords} makes the password of a user who has none configured. Such
   * passwords go to the {@link PasswordFile} ({@code sluice.users.password-file}), never to the
   * log: {@code notices} receives one line naming the file and the variables that fix them.
   *
   * @throws IllegalStateException when the file cannot be written: better no start than a password
   *     nobody can read or one written where it should not be
   */
  public static ConfiguredUsers read(
      ConfigView config, Supplier<String> passwords, Consumer<String> notices) {
    Map<String, Account> accounts = new LinkedHashMap<>();
    Map<String, String> generated = new LinkedHashMap<>();
    for (String name : config.getList("sluice.users")) {
      String key = "sluice.users." + name;
      Set<String> roles = roles(key + ".roles", config.getList(key + ".roles"));
      String password = config.get(key + ".password").orElse(null);
      if (password == null) {
        password = passwords.get();
        generated.put(name, password);
      }
      accounts.put(name, new Account(digest(password), roles));
    }
    publish(PasswordFile.of(config), generated, notices);
    return new ConfiguredUsers(Map.copyOf(accounts));
  }

  private static void publish(
      PasswordFile file, Map<String, String> generated, Consumer<String> notices) {
    String advice =
        "Set "
            + String.join(
                ", ",
                generated.keySet().stream()
                    .map(name -> environmentName("sluice.users." + name + ".password"))
                    .toList())
            + " to fix them.";
    try {
      if (generated.isEmpty()) {
        file.removeStale();
        return;
      }
      file.write(generated, advice);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the generated passwords of Sluice users "
              + generated.keySet()
              + " to "
              + file.path()
              + " ("
              + e.getMessage()
              + "); set "
              + PasswordFile.KEY
              + " to a writable file, or set their passwords",
          e);
    }
    notices.accept(
        "Generated passwords for Sluice users "
            + generated.keySet()
            + " are in "
            + file.path()
            + " (readable by the server's user only; new at every start). "
            + advice);
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
