package dev.sluice.documents.batch.se;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

/**
 * Starts and restarts the {@code document-analysis} job through the standard {@link JobOperator}
 * and waits for it to end (JBeret test apps' {@code startJobAndWait}); reads a step's partitions
 * through JBeret's implementation of {@link StepExecution}.
 */
final class BatchJobRuns {

  static final String JOB = "document-analysis";
  private static final long WAIT_SECONDS = 60;

  private final JobOperator operator = BatchRuntime.getJobOperator();

  /** One partition's end: its number in the plan, status and metrics. */
  record PartitionRun(int partition, BatchStatus status, Map<Metric.MetricType, Long> metrics) {
    long metric(Metric.MetricType type) {
      return metrics.getOrDefault(type, 0L);
    }
  }

  JobExecution startJobAndWait(Properties parameters) throws InterruptedException {
    return await(operator.start(JOB, parameters));
  }

  JobExecution restartJobAndWait(long executionId, Properties parameters)
      throws InterruptedException {
    return await(operator.restart(executionId, parameters));
  }

  private JobExecution await(long executionId) throws InterruptedException {
    JobExecutionImpl execution = (JobExecutionImpl) operator.getJobExecution(executionId);
    execution.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(execution.getEndTime()).as("the job ended within %d s", WAIT_SECONDS).isNotNull();
    return operator.getJobExecution(executionId);
  }

  /**
   * The execution's {@code analyse} step: its first, followed by {@code submit} (provider mode's,
   * which does nothing here) once it completed.
   */
  StepExecution step(long executionId) {
    List<StepExecution> steps = operator.getStepExecutions(executionId);
    assertThat(steps).extracting(StepExecution::getStepName).first().isEqualTo("analyse");
    assertThat(steps)
        .extracting(StepExecution::getStepName)
        .isSubsetOf("analyse", "submit")
        .doesNotHaveDuplicates();
    return steps.get(0);
  }

  /** The partitions the step ran in this execution, by partition number. */
  List<PartitionRun> partitions(long executionId) {
    StepExecutionImpl step = (StepExecutionImpl) step(executionId);
    return step.getPartitionExecutions().stream()
        .sorted(Comparator.comparingInt(PartitionExecutionImpl::getPartitionId))
        .map(p -> new PartitionRun(p.getPartitionId(), p.getBatchStatus(), metrics(p)))
        .toList();
  }

  static Map<Metric.MetricType, Long> metrics(StepExecution execution) {
    return Arrays.stream(execution.getMetrics())
        .collect(Collectors.toMap(Metric::getType, Metric::getValue));
  }
}
