package dev.sluice.documents.batch.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Liberty's job log of one execution, read from disk. Liberty writes it under {@code
 * <joblogs>/<job>/<date>/instance.<i>/execution.<e>/}: {@code part.N.log} files for the job and, in
 * subdirectories, for each partition. They are joined in order, each under a header line, keeping
 * the last {@code maxBytes} when there is more.
 */
public final class JobLogFiles {

  private static final Pattern PART = Pattern.compile("part\\.(\\d+)\\.log");

  private JobLogFiles() {}

  /** The execution's log as text; empty when this server holds none for it. */
  public static Optional<String> read(
      Path jobLogs, String job, long instance, long execution, long maxBytes) {
    Optional<Path> dir = executionDir(jobLogs.resolve(job), instance, execution);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    List<Path> files = logFiles(dir.get());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(join(dir.get(), files, maxBytes));
  }

  private static Optional<Path> executionDir(Path jobDir, long instance, long execution) {
    if (!Files.isDirectory(jobDir)) {
      return Optional.empty();
    }
    try (Stream<Path> dates = Files.list(jobDir)) {
      return dates
          .map(d -> d.resolve("instance." + instance).resolve("execution." + execution))
          .filter(Files::isDirectory)
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The job's own parts first, then each partition's, each in part order. */
  static List<Path> logFiles(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .sorted(
              Comparator.comparing((Path p) -> dir.relativize(p).getNameCount())
                  .thenComparing(p -> String.valueOf(dir.relativize(p).getParent()))
                  .thenComparingLong(JobLogFiles::partNumber)
                  .thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long partNumber(Path file) {
    Matcher m = PART.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
  }

  /** The files with their headers, cut from the front to the last {@code maxBytes}. */
  static String join(Path dir, List<Path> files, long maxBytes) {
    List<byte[]> pieces = new ArrayList<>();
    for (Path file : files) {
      pieces.add(("=== " + dir.relativize(file) + " ===\n").getBytes(StandardCharsets.UTF_8));
      pieces.add(tail(file, maxBytes));
    }
    long total = pieces.stream().mapToLong(p -> p.length).sum();
    long skip = Math.max(0, total - maxBytes);
    StringBuilder text = new StringBuilder();
    if (skip > 0) {
      text.append("[… ").append(skip).append(" earlier bytes left out …]\n");
    }
    byte[] kept = new byte[(int) (total - skip)];
    int at = 0;
    for (byte[] piece : pieces) {
      int from = (int) Math.min(piece.length, skip);
      skip -= from;
      System.arraycopy(piece, from, kept, at, piece.length - from);
      at += piece.length - from;
    }
    return text.append(new String(kept, StandardCharsets.UTF_8)).toString();
  }

  /** At most the last {@code maxBytes} of a file, so a huge part never fills the heap. */
  private static byte[] tail(Path file, long maxBytes) {
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      in.skipNBytes(Math.max(0, size - maxBytes));
      return in.readNBytes((int) Math.min(size, maxBytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
