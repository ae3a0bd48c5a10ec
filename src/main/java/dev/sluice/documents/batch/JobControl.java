package dev.sluice.documents.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Jakarta Batch side of a batch: starts, stops, restarts and abandons the {@code
 * document-analysis} job with the configured tunables, and reads an execution's status.
 */
@ApplicationScoped
public class JobControl {

  static final String JOB = "document-analysis";
  static final String COLLECT_JOB = "provider-batch-collect";

  @Inject
  @ConfigProperty(name = "sluice.batch.chunk-size", defaultValue = "20")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "sluice.batch.max-partition-threads", defaultValue = "4")
  int maxThreads;

  @Inject
  @ConfigProperty(name = "sluice.batch.chunk-timeout-seconds", defaultValue = "1800")
  int chunkTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "sluice.batch.skip-limit", defaultValue = "1000")
  int skipLimit;

  /** Starts the batch's job in interactive mode: every call through the gate. */
  public long start(String batchId) {
    return start(batchId, false);
  }

  /**
   * Starts the batch's job; {@code viaProvider}: single-call analyses go to the provider's batch
   * API (provider mode's first run), else every call goes through the gate.
   */
  public long start(String batchId, boolean viaProvider) {
    return operator().start(JOB, parameters(batchId, viaProvider));
  }

  /** Resumes a stopped or failed interactive execution from its partitions' checkpoints. */
  public long restart(long executionId, String batchId) {
    return restart(executionId, batchId, false);
  }

  /** Resumes a stopped or failed execution from its partitions' checkpoints. */
  public long restart(long executionId, String batchId, boolean viaProvider) {
    return operator().restart(executionId, parameters(batchId, viaProvider));
  }

  /** Starts collecting an ended provider batch's results into the batch's results. */
  public long startCollecting(String providerBatchId) {
    Properties p = new Properties();
    p.setProperty("providerBatchId", providerBatchId);
    p.setProperty("chunkSize", String.valueOf(Math.max(chunkSize, 50)));
    p.setProperty("chunkTimeoutSeconds", String.valueOf(chunkTimeoutSeconds));
    return operator().start(COLLECT_JOB, p);
  }

  public void stop(long executionId) {
    operator().stop(executionId);
  }

  /** Marks a stopped or failed execution as never to run again. */
  public void abandon(long executionId) {
    operator().abandon(executionId);
  }

  /**
   * Whether the batch runtime has finished with an execution: a final status and an end time. The
   * batch row says stopped a little earlier (the job listener runs before the runtime's last
   * write).
   */
  public boolean hasEnded(long executionId) {
    jakarta.batch.runtime.JobExecution execution = operator().getJobExecution(executionId);
    return BatchState.of(execution.getBatchStatus()).isFinal() && execution.getEndTime() != null;
  }

  /** The job instance an execution belongs to (its job log lives under the instance). */
  public long instanceOf(long executionId) {
    return operator().getJobInstance(executionId).getInstanceId();
  }

  /** The job's name, as its job log directory is named. */
  public static String jobName() {
    return JOB;
  }

  public BatchState state(long executionId) {
    return BatchState.of(operator().getJobExecution(executionId).getBatchStatus());
  }

  private Properties parameters(String batchId, boolean viaProvider) {
    Properties p = new Properties();
    p.setProperty("batchId", batchId);
    p.setProperty("viaProvider", String.valueOf(viaProvider));
    p.setProperty("chunkSize", String.valueOf(chunkSize));
    p.setProperty("pageSize", String.valueOf(Math.max(chunkSize, 200)));
    p.setProperty("maxThreads", String.valueOf(maxThreads));
    p.setProperty("chunkTimeoutSeconds", String.valueOf(chunkTimeoutSeconds));
    p.setProperty("skipLimit", String.valueOf(skipLimit));
    return p;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
