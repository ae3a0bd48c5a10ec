package dev.sluice.chat;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chat job's hot-path writes (claims, partial saves, completions) with a shared commit: any
 * thread queues a write and gets a future; one drain at a time on the managed executor takes every
 * write waiting and applies them, in order, in one transaction over plain JDBC. Idle, a write is
 * applied at once; under load, the writes of many answers share a commit instead of each paying for
 * a transaction of its own. A batch that fails is applied again one write at a time, so one bad
 * write fails alone. Futures complete after the commit, on an executor thread of their own, so what
 * follows a write never holds up the next batch.
 */
@ApplicationScoped
public class AnswerLedger {

  private static final Logger LOG = Logger.getLogger(AnswerLedger.class.getName());
  private static final int MAX_BATCH = 500;

  @Inject AnswerWriteBatch batches;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private final Queue<AnswerWrite> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** Claims a queued answer; true if this claim moved it to streaming. */
  public CompletableFuture<Boolean> claim(String messageId) {
    return submit(new AnswerWrite.Claim(messageId));
  }

  /** Saves a streaming answer's text so far; true if it was still streaming. */
  public CompletableFuture<Boolean> savePartial(String messageId, String text) {
    return submit(new AnswerWrite.SavePartial(messageId, text));
  }

  /** Records a completed answer; true unless it had ended otherwise. */
  public CompletableFuture<Boolean> complete(String messageId, AnswerRecord answer) {
    return submit(new AnswerWrite.Complete(messageId, answer));
  }

  private CompletableFuture<Boolean> submit(AnswerWrite write) {
    waiting.add(write);
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        draining.set(false);
        failWaiting(e);
      }
    }
    return write.future();
  }

  private void drain() {
    try {
      List<AnswerWrite> batch;
      while (!(batch = take()).isEmpty()) {
        apply(batch);
      }
    } finally {
      draining.set(false);
    }
    // A write may have arrived between the last take and clearing the flag.
    if (!waiting.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private List<AnswerWrite> take() {
    List<AnswerWrite> batch = new ArrayList<>();
    AnswerWrite next;
    while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }

  private void apply(List<AnswerWrite> batch) {
    try {
      batches.apply(batch);
      committed(batch);
    } catch (Exception e) {
      if (batch.size() == 1) {
        batch.get(0).failed(e);
        return;
      }
      LOG.log(Level.FINE, "a batch of answer writes failed; applying them one by one", e);
      for (AnswerWrite write : batch) {
        apply(List.of(write));
      }
    }
  }

  private void committed(List<AnswerWrite> batch) {
    executor.execute(() -> batch.forEach(AnswerWrite::committed));
  }

  private void failWaiting(RuntimeException e) {
    AnswerWrite next;
    while ((next = waiting.poll()) != null) {
      next.failed(e);
    }
  }
}
