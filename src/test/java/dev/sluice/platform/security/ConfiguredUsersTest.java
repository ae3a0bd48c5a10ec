package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.llm.config.ConfigView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConfiguredUsersTest {

  private static final String ADMIN_PASSWORD = "test-only-admin-Pw-1";
  private static final String DEMO_PASSWORD = "test-only-demo-Pw-2";

  private final List<String> notices = new ArrayList<>();

  private final ConfigView config =
      ConfigView.of(
          Map.of(
              "sluice.users",
              "admin, demo",
              "sluice.users.admin.roles",
              "admin",
              "sluice.users.admin.password",
              ADMIN_PASSWORD,
              "sluice.users.demo.password",
              DEMO_PASSWORD));

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
  void aUserWithoutAPasswordGetsAGeneratedOneAnnouncedOnce() {
    ConfigView noPasswords = ConfigView.of(Map.of("sluice.users", "admin,demo"));

    ConfiguredUsers users = read(noPasswords, () -> "generated-Pw-for-test-0001");

    assertThat(users.check("demo", "generated-Pw-for-test-0001")).isPresent();
    assertThat(notices).hasSize(2);
    assertThat(notices.get(1))
        .contains("'demo'")
        .contains("generated-Pw-for-test-0001")
        .contains("SLUICE_USERS_DEMO_PASSWORD");
  }

  @Test
  void generatedPasswordsAreLongAndDifferentAtEachStart() {
    ConfigView noPasswords = ConfigView.of(Map.of("sluice.users", "demo"));
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

    ConfigView wrong =
        ConfigView.of(Map.of("sluice.users", "demo", "sluice.users.demo.roles", "root"));
    assertThatThrownBy(() -> read(wrong, () -> "unused"))
        .hasMessageContaining("sluice.users.demo.roles")
        .hasMessageContaining("root");
  }

  private ConfiguredUsers read(ConfigView view, Supplier<String> passwords) {
    return ConfiguredUsers.read(view, passwords, notices::add);
  }
}
