package dev.sluice.documents.batch.se;

import jakarta.transaction.TransactionManager;
import java.util.Properties;
import org.jberet.repository.JobRepository;
import org.jberet.se.BatchSEEnvironment;
import org.jberet.spi.ArtifactFactory;
import org.jberet.spi.BatchEnvironment;
import org.jberet.spi.JobTask;
import org.jberet.spi.JobXmlResolver;

/**
 * JBeret SE's environment (thread pool, in-memory job repository from {@code jberet.properties},
 * job XML from the class path, artifacts from the Weld SE container) with {@link ChunkTransactions}
 * as its transaction manager, so chunk commits and rollbacks reach the test store. Found by the
 * runtime through {@code META-INF/services}, ahead of JBeret's own.
 */
public final class TransactionalBatchEnvironment implements BatchEnvironment {

  private final BatchSEEnvironment se = new BatchSEEnvironment();

  @Override
  public ClassLoader getClassLoader() {
    return se.getClassLoader();
  }

  @Override
  public ArtifactFactory getArtifactFactory() {
    return se.getArtifactFactory();
  }

  @Override
  public void submitTask(JobTask task) {
    se.submitTask(task);
  }

  @Override
  public TransactionManager getTransactionManager() {
    return ChunkTransactions.INSTANCE;
  }

  @Override
  public JobRepository getJobRepository() {
    return se.getJobRepository();
  }

  @Override
  public JobXmlResolver getJobXmlResolver() {
    return se.getJobXmlResolver();
  }

  @Override
  public Properties getBatchConfigurationProperties() {
    return se.getBatchConfigurationProperties();
  }

  @Override
  public String getApplicationName() {
    return se.getApplicationName();
  }
}
