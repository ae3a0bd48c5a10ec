package dev.sluice.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.platform.config.ConfigView;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

  @TempDir Path dir;

  @Test
  void onlyTheServersUserMayReadIt() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path path = dir.resolve("passwords");

    new PasswordFile(path).write(Map.of("demo", "Pw-1"), "advice");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
  }

  @Test
  void holdsOneLinePerUserAfterTheHeader() throws IOException {
    Path path = dir.resolve("sub/dir/passwords");
    Map<String, String> passwords = new LinkedHashMap<>();
    passwords.put("admin", "Pw-admin");
    passwords.put("demo", "Pw-demo");

    new PasswordFile(path).write(passwords, "Set X to fix them.");

    assertThat(Files.readAllLines(path))
        .containsExactly(
            PasswordFile.HEADER, "# Set X to fix them.", "admin=Pw-admin", "demo=Pw-demo");
    assertThat(Files.list(path.getParent())).containsExactly(path);
  }

  @Test
  void theNextStartReplacesItsOwnFile() throws IOException {
    Path path = dir.resolve("passwords");
    PasswordFile file = new PasswordFile(path);

    file.write(Map.of("demo", "Pw-first"), "advice");
    file.write(Map.of("demo", "Pw-second"), "advice");

    assertThat(Files.readString(path)).contains("demo=Pw-second").doesNotContain("Pw-first");
  }

  @Test
  void neverReplacesOrDeletesAFileItDidNotWrite() throws IOException {
    Path path = dir.resolve("important.conf");
    Files.writeString(path, "keep me\n");
    PasswordFile file = new PasswordFile(path);

    assertThatThrownBy(() -> file.write(Map.of("demo", "Pw-1"), "advice"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not written by Sluice");
    file.removeStale();

    assertThat(Files.readString(path)).isEqualTo("keep me\n");
    assertThat(Files.list(dir)).containsExactly(path);
  }

  @Test
  void removesItsOwnStaleFile() throws IOException {
    Path path = dir.resolve("passwords");
    PasswordFile file = new PasswordFile(path);
    file.write(Map.of("demo", "Pw-1"), "advice");

    file.removeStale();
    file.removeStale();

    assertThat(path).doesNotExist();
  }

  @Test
  void defaultsToTheServersOutputDirectory() {
    PasswordFile liberty =
        PasswordFile.of(ConfigView.of(Map.of("server.output.dir", dir.toString())));
    PasswordFile wildfly =
        PasswordFile.of(ConfigView.of(Map.of("jboss.server.data.dir", dir.toString())));
    PasswordFile configured =
        PasswordFile.of(
            ConfigView.of(
                Map.of(
                    "server.output.dir",
                    dir.toString(),
                    PasswordFile.KEY,
                    dir.resolve("mine").toString())));

    assertThat(liberty.path()).isEqualTo(dir.resolve(PasswordFile.NAME));
    assertThat(wildfly.path()).isEqualTo(dir.resolve(PasswordFile.NAME));
    assertThat(configured.path()).isEqualTo(dir.resolve("mine"));
  }
}
