package dev.sluice.documents.batch.admin;

import dev.sluice.documents.batch.AnalysisBatch;
import dev.sluice.documents.batch.JobControl;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the job log of a batch's latest execution where Liberty writes it ({@code batchJobLogging},
 * on by default): {@code sluice.batch.job-log-dir}, or else {@code logs/joblogs} in the server's
 * output directory. A batch that ran on another server has none here.
 */
@ApplicationScoped
public class JobLogs {

  @Inject JobControl jobs;

  @Inject
  @ConfigProperty(name = "sluice.batch.job-log-dir", defaultValue = " ")
  String configuredDir;

  @Inject
  @ConfigProperty(name = "sluice.batch.job-log-max-bytes", defaultValue = "1048576")
  long maxBytes;

  /**
   * Whether this server keeps job logs at all: Open Liberty does; WildFly (JBeret) writes a job's
   * messages to the server log instead, unless {@code sluice.batch.job-log-dir} names a folder.
   */
  public boolean kept() {
    return directory().isPresent();
  }

  /** The log of the batch's latest execution, its last {@code maxBytes} at most. */
  public Optional<String> latest(AnalysisBatch batch) {
    Optional<Path> dir = directory();
    if (batch.executionId() == null || dir.isEmpty()) {
      return Optional.empty();
    }
    long instance;
    try {
      instance = jobs.instanceOf(batch.executionId());
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
    return JobLogFiles.read(
        dir.get(), JobControl.jobName(), instance, batch.executionId(), maxBytes);
  }

  private Optional<Path> directory() {
    if (!configuredDir.isBlank()) {
      return Optional.of(Path.of(configuredDir.strip()));
    }
    // Set by Liberty's launcher for the server's JVM; LOG_DIR moves the logs and the job logs.
    String logs = System.getProperty("server.logs.dir");
    if (logs != null) {
      return Optional.of(Path.of(logs, "joblogs"));
    }
    String output = System.getProperty("server.output.dir");
    return output == null ? Optional.empty() : Optional.of(Path.of(output, "logs", "joblogs"));
  }
}
