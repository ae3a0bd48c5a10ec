package dev.sluice.documents.batch.provider;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Hands a collection that did not finish (a failure, a server stopping) back to the poller, which
 * starts it again at a later poll; what it had written stays written, once.
 */
@Named("providerCollectListener")
@Dependent
public class ProviderCollectListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(ProviderCollectListener.class.getName());

  @Inject JobContext job;
  @Inject @BatchProperty String providerBatchId;
  @Inject ProviderBatchStore store;

  @Override
  public void afterJob() {
    // In afterJob the runtime has not yet set the final status: STARTED means it completed.
    BatchStatus status = job.getBatchStatus();
    if (status != BatchStatus.STARTED && status != BatchStatus.COMPLETED) {
      LOG.warning(
          "collecting provider batch "
              + providerBatchId
              + " ended "
              + status
              + "; it is collected again at a later poll");
      store.releaseCollection(providerBatchId);
    }
  }
}
