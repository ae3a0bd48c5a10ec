package dev.sluice.platform.security;

import dev.sluice.platform.config.ConfigView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The file that receives the start-up passwords of users who have none configured, instead of the
 * log (which log shippers copy everywhere). Only the server's user may read it (mode 600 where the
 * file system has POSIX permissions). It is rewritten at every start, since the passwords in it
 * change then; a file at that path that Sluice did not write is never replaced.
 */
final class PasswordFile {

  static final String KEY = "sluice.users.password-file";
  static final String NAME = "generated-passwords.properties";

  /** The first line of every file Sluice writes; how it recognises one it may replace. */
  static final String HEADER =
      "# Sluice sign-in passwords generated at the last start; they change at every start.";

  private final Path path;

  PasswordFile(Path path) {
    this.path = path;
  }

  /**
   * {@code sluice.users.password-file}, else {@value #NAME} in the server's output directory
   * (Liberty's {@code server.output.dir}, WildFly's {@code jboss.server.data.dir}), else in the
   * working directory.
   */
  static PasswordFile of(ConfigView config) {
    Optional<String> configured = config.get(KEY);
    if (configured.isPresent()) {
      return new PasswordFile(Path.of(configured.get()));
    }
    String dir =
        config
            .get("server.output.dir")
            .or(() -> config.get("jboss.server.data.dir"))
            .orElseGet(() -> System.getProperty("user.dir"));
    return new PasswordFile(Path.of(dir, NAME));
  }

  Path path() {
    return path.toAbsolutePath();
  }

  /** Writes {@code passwords} (user name to password), replacing the previous start's file. */
  void write(Map<String, String> passwords, String advice) throws IOException {
    refuseForeignFile();
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("# ").append(advice).append('\n');
    passwords.forEach(
        (user, password) -> text.append(user).append('=').append(password).append('\n'));
    Path dir = path().getParent();
    Files.createDirectories(dir);
    // Created private and filled before it takes the file's name, so it is never readable by
    // others.
    Path draft = Files.createTempFile(dir, ".sluice-passwords-", ".tmp", ownerOnly());
    try {
      Files.writeString(draft, text, StandardCharsets.UTF_8);
      move(draft);
    } finally {
      Files.deleteIfExists(draft);
    }
  }

  /** Deletes the previous start's file, whose passwords no longer work; leaves anything else. */
  void removeStale() throws IOException {
    if (Files.isRegularFile(path) && writtenBySluice()) {
      Files.delete(path);
    }
  }

  private void refuseForeignFile() throws IOException {
    if (Files.exists(path) && !(Files.isRegularFile(path) && writtenBySluice())) {
      throw new IOException(path() + " exists and was not written by Sluice; not replacing it");
    }
  }

  private boolean writtenBySluice() throws IOException {
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      return lines.findFirst().filter(HEADER::equals).isPresent();
    } catch (java.io.UncheckedIOException notText) {
      return false;
    }
  }

  private void move(Path draft) throws IOException {
    try {
      Files.move(draft, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException notHere) {
      Files.move(draft, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    // Elsewhere (Windows) a temporary file is already private to its creator.
    return new FileAttribute<?>[0];
  }
}
