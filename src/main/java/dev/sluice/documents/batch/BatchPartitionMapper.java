package dev.sluice.documents.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * Splits a batch's items into its configured number of contiguous ranges, one partition each, run
 * on at most {@code maxThreads} threads. The ranges depend only on the batch, so a restart gets the
 * same partitions and each resumes from its own checkpoint.
 */
@Named("batchPartitionMapper")
@Dependent
public class BatchPartitionMapper implements PartitionMapper {

  @Inject @BatchProperty String batchId;

  @Inject @BatchProperty String maxThreads;

  @Inject BatchJobStore store;

  @Override
  public PartitionPlan mapPartitions() {
    AnalysisBatch batch =
        store.batch(batchId).orElseThrow(() -> new IllegalStateException("no batch " + batchId));
    List<PartitionRanges.Range> ranges =
        PartitionRanges.split(batch.itemCount(), batch.partitions());
    Properties[] properties = new Properties[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      properties[i] = new Properties();
      properties[i].setProperty("partitionNo", String.valueOf(i));
      properties[i].setProperty("firstItem", String.valueOf(ranges.get(i).first()));
      properties[i].setProperty("lastItem", String.valueOf(ranges.get(i).last()));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(ranges.size());
    plan.setThreads(Math.max(1, Math.min(ranges.size(), Integer.parseInt(maxThreads))));
    plan.setPartitionProperties(properties);
    return plan;
  }
}
