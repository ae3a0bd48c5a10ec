package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.platform.config.ConfigView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredUsersTest {

  private static final String ADMIN_PASSWORD = "test-only-admin-Pw-1";
  private static final String DEMO_PASSWORD = "test-only-demo-Pw-2";

  private final List<String> notices = new ArrayList<>();

  @TempDir Path dir;

  private ConfigView config;

  @BeforeEach
  void users() {
    config =
        view(
            Map.of(
                "sluice.users",
                "admin, demo",
                "sluice.users.admin.roles",
                "admin",
                "sluice.users.admin.password",
                ADMIN_PASSWORD,
                "sluice.users.demo.password",
                DEMO_PASSWORD));
  }

  @Test
  void aKnownUserWithTheRightPasswordGetsTheirRoles() {
    ConfiguredUsers users = read(config, new RandomPasswords());

    assertThat(users.check("demo", DEMO_PASSWORD)).contains(java.util.Set.of(Roles.USER));
  }

  @Test
  void anAdminIsAlsoAUser() {
    ConfiguredUsers users = read(config, new RandomPasswords());

    assertThat(users.check("admin", ADMIN_PASSWORD).orElseThrow())
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.USER);
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() {
    ConfiguredUsers users = read(config, new RandomPasswords());

    assertThat(users.check("demo", ADMIN_PASSWORD)).isEmpty();
    assertThat(users.check("demo", DEMO_PASSWORD + "x")).isEmpty();
    assertThat(users.check("demo", "")).isEmpty();
    assertThat(users.check("demo", null)).isEmpty();
    assertThat(users.check("mallory", DEMO_PASSWORD)).isEmpty();
    assertThat(users.check(null, DEMO_PASSWORD)).isEmpty();
  }

  @Test
  void aUserWithoutAPasswordGetsAGeneratedOneInTheFileAndOnlyItsPathInTheLog() throws Exception {
    ConfigView noPasswords = view(Map.of("sluice.users", "admin,demo"));
    List<String> made = List.of("generated-Pw-for-test-0001", "generated-Pw-for-test-0002");
    var next = made.iterator();

    ConfiguredUsers users = read(noPasswords, next::next);

    assertThat(users.check("admin", made.get(0))).isPresent();
    assertThat(users.check("demo", made.get(1))).isPresent();
    Path file = dir.resolve("passwords");
    assertThat(Files.readAllLines(file)).contains("admin=" + made.get(0), "demo=" + made.get(1));
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0))
        .contains(file.toString())
        .contains("SLUICE_USERS_ADMIN_PASSWORD", "SLUICE_USERS_DEMO_PASSWORD")
        .doesNotContain(made.get(0))
        .doesNotContain(made.get(1));
  }

  @Test
  void onlyUsersWithoutAPasswordAreInTheFile() throws Exception {
    ConfigView mixed =
        view(Map.of("sluice.users", "admin,demo", "sluice.users.demo.password", DEMO_PASSWORD));

    read(mixed, () -> "generated-Pw-for-test-0003");

    String text = Files.readString(dir.resolve("passwords"));
    assertThat(text).contains("admin=generated-Pw-for-test-0003").doesNotContain("demo");
    assertThat(text).doesNotContain(DEMO_PASSWORD);
  }

  @Test
  void whenEveryPasswordIsConfiguredTheLastStartsFileGoes() throws Exception {
    read(view(Map.of("sluice.users", "demo")), () -> "generated-Pw-for-test-0004");
    assertThat(dir.resolve("passwords")).exists();

    read(config, () -> "never-used");

    assertThat(dir.resolve("passwords")).doesNotExist();
  }

  @Test
  void aFileThatCannotBeWrittenStopsTheStartWithoutShowingThePassword() throws Exception {
    Files.writeString(dir.resolve("passwords"), "someone else's file\n");
    ConfigView noPasswords = view(Map.of("sluice.users", "demo"));

    assertThatThrownBy(() -> read(noPasswords, () -> "generated-Pw-for-test-0005"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sluice.users.password-file")
        .hasMessageNotContaining("generated-Pw-for-test-0005");
    assertThat(notices).isEmpty();
    assertThat(Files.readString(dir.resolve("passwords"))).isEqualTo("someone else's file\n");
  }

  @Test
  void generatedPasswordsAreLongAndDifferentAtEachStart() {
    ConfigView noPasswords = view(Map.of("sluice.users", "demo"));
    List<String> made = new ArrayList<>();
    Supplier<String> recording =
        () -> {
          String password = new RandomPasswords().get();
          made.add(password);
          return password;
        };

    ConfiguredUsers first = read(noPasswords, recording);
    ConfiguredUsers second = read(noPasswords, recording);

    assertThat(made).hasSize(2).doesNotHaveDuplicates();
    assertThat(made).allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(20));
    assertThat(first.check("demo", made.get(0))).isPresent();
    assertThat(second.check("demo", made.get(0))).isEmpty();
  }

  @Test
  void configuredPasswordsAreNeitherShownNorAnnounced() {
    ConfiguredUsers users = read(config, () -> "never-used");

    assertThat(notices).isEmpty();
    assertThat(users.toString())
        .contains("admin", "demo")
        .doesNotContain(ADMIN_PASSWORD)
        .doesNotContain(DEMO_PASSWORD);
  }

  @Test
  void rolesDefaultToUserAndUnknownRolesAreRejected() {
    ConfiguredUsers users = read(config, () -> "unused");
    assertThat(users.check("demo", DEMO_PASSWORD).orElseThrow()).containsExactly(Roles.USER);

    ConfigView wrong = view(Map.of("sluice.users", "demo", "sluice.users.demo.roles", "root"));
    assertThatThrownBy(() -> read(wrong, () -> "unused"))
        .hasMessageContaining("sluice.users.demo.roles")
        .hasMessageContaining("root");
  }

  /** The values, with the password file in the test's own directory. */
  private ConfigView view(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put(PasswordFile.KEY, dir.resolve("passwords").toString());
    return ConfigView.of(all);
  }

  private ConfiguredUsers read(ConfigView view, Supplier<String> passwords) {
    return ConfiguredUsers.read(view, passwords, notices::add);
  }
}
