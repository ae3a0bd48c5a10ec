package dev.sluice.documents.batch.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogFilesTest {

  @TempDir Path logs;

  @Test
  void theJobsPartsComeFirstThenEachPartitionsInPartOrder() throws IOException {
    Path execution = execution(7, 12);
    write(execution.resolve("part.10.log"), "job ten\n");
    write(execution.resolve("part.2.log"), "job two\n");
    write(execution.resolve("analyse/1/part.1.log"), "partition one\n");
    write(execution.resolve("analyse/0/part.1.log"), "partition zero\n");

    String text = JobLogFiles.read(logs, "document-analysis", 7, 12, 1 << 20).orElseThrow();

    assertThat(text)
        .containsSubsequence(
            "=== part.2.log ===\njob two\n",
            "=== part.10.log ===\njob ten\n",
            "partition zero",
            "partition one");
  }

  @Test
  void onlyTheLastBytesAreKept() throws IOException {
    Path execution = execution(1, 2);
    write(execution.resolve("part.1.log"), "a".repeat(5000));
    write(execution.resolve("part.2.log"), "b".repeat(100) + "THE END");

    String text = JobLogFiles.read(logs, "document-analysis", 1, 2, 1000).orElseThrow();

    assertThat(text).startsWith("[… ").endsWith("THE END").contains("=== part.2.log ===");
    assertThat(text.substring(text.indexOf('\n') + 1)).hasSize(1000);
  }

  @Test
  void anotherExecutionOrNoLogsAtAllIsEmpty() throws IOException {
    write(execution(1, 2).resolve("part.1.log"), "x");

    assertThat(JobLogFiles.read(logs, "document-analysis", 1, 3, 100)).isEmpty();
    assertThat(JobLogFiles.read(logs, "other-job", 1, 2, 100)).isEmpty();
    assertThat(JobLogFiles.read(logs.resolve("missing"), "document-analysis", 1, 2, 100)).isEmpty();
  }

  private Path execution(long instance, long execution) {
    return logs.resolve("document-analysis/2026-11-22")
        .resolve("instance." + instance)
        .resolve("execution." + execution);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
