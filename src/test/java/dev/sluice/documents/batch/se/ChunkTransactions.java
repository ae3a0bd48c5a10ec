package dev.sluice.documents.batch.se;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAResource;

/**
 * A local transaction manager for the batch runtime in tests: one transaction per thread, no
 * resources, only synchronizations, so a test store can commit or drop what a chunk wrote exactly
 * when the runtime commits or rolls back the chunk (JBeret SE's own one keeps no transaction).
 */
public final class ChunkTransactions implements TransactionManager {

  public static final ChunkTransactions INSTANCE = new ChunkTransactions();

  private final ThreadLocal<LocalTransaction> current = new ThreadLocal<>();

  private ChunkTransactions() {}

  @Override
  public void begin() throws NotSupportedException {
    if (current.get() != null) {
      throw new NotSupportedException("nested transactions are not supported");
    }
    current.set(new LocalTransaction());
  }

  @Override
  public void commit()
      throws RollbackException, HeuristicMixedException, HeuristicRollbackException {
    take().commit();
  }

  @Override
  public void rollback() {
    take().rollback();
  }

  @Override
  public void setRollbackOnly() {
    active().setRollbackOnly();
  }

  @Override
  public int getStatus() {
    LocalTransaction tx = current.get();
    return tx == null ? Status.STATUS_NO_TRANSACTION : tx.getStatus();
  }

  @Override
  public Transaction getTransaction() {
    return current.get();
  }

  @Override
  public void setTransactionTimeout(int seconds) {
    // chunk timeouts are the writer's business here
  }

  @Override
  public Transaction suspend() {
    LocalTransaction tx = current.get();
    current.remove();
    return tx;
  }

  @Override
  public void resume(Transaction transaction) {
    current.set((LocalTransaction) transaction);
  }

  private LocalTransaction active() {
    LocalTransaction tx = current.get();
    if (tx == null) {
      throw new IllegalStateException("no transaction on this thread");
    }
    return tx;
  }

  private LocalTransaction take() {
    LocalTransaction tx = active();
    current.remove();
    return tx;
  }

  /** A transaction whose only participants are synchronizations. */
  static final class LocalTransaction implements Transaction {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private int status = Status.STATUS_ACTIVE;

    @Override
    public void commit() throws RollbackException {
      if (status == Status.STATUS_MARKED_ROLLBACK) {
        rollback();
        throw new RollbackException("the transaction was marked for rollback");
      }
      synchronizations.forEach(Synchronization::beforeCompletion);
      end(Status.STATUS_COMMITTED);
    }

    @Override
    public void rollback() {
      end(Status.STATUS_ROLLEDBACK);
    }

    private void end(int outcome) {
      status = outcome;
      synchronizations.forEach(s -> s.afterCompletion(outcome));
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void registerSynchronization(Synchronization synchronization) {
      synchronizations.add(synchronization);
    }

    @Override
    public boolean enlistResource(XAResource resource) throws SystemException {
      throw new SystemException("no resources in a test transaction");
    }

    @Override
    public boolean delistResource(XAResource resource, int flag) throws SystemException {
      throw new SystemException("no resources in a test transaction");
    }
  }
}
